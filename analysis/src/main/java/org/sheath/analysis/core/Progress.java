package org.sheath.analysis.core;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A frame counter shown as a progress bar on standard error when there is a terminal; else silent. */
abstract class Progress implements AutoCloseable {
    abstract void step();

    @Override
    public abstract void close();

    static Progress create(boolean wanted, String task, int total) {
        if (!wanted || System.console() == null) return new Progress() {
            @Override
            void step() {
            }

            @Override
            public void close() {
            }
        };
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" frames", 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate().build();
        return new Progress() {
            @Override
            void step() {
                bar.step();
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
