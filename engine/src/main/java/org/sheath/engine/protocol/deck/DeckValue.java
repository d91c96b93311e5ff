package org.sheath.engine.protocol.deck;

/** An enum constant with the spelling a deck uses for it (e.g. {@code "nose-hoover"}). */
public interface DeckValue {
    String deckName();
}
