package org.sheath.engine.protocol.deck;

/** One {@code [[stage]]} of the protocol, run in deck order. */
public sealed interface StageSpec permits MinimizeStage, MdStage {
    /** Unique within the deck; letters, digits, '-', '_', '.' (it names the stage's files). */
    String name();

    /** Line of the stage's {@code [[stage]]} header in the deck (0 if unknown), for later messages. */
    int line();

    /** "minimize" or "md". */
    String type();
}
