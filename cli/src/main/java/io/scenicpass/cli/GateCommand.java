package io.scenicpass.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** Placeholder for the simulated gate (a later issue). */
@Command(name = "gate", description = "Simulated gate with simulated devices (not yet available).")
final class GateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("gate: not yet available (simulated gate comes with the device work)");
        return Main.USAGE;
    }
}
