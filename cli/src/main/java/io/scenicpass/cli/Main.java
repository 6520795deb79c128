package io.scenicpass.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code scenicpass} edge tools; {@code ./scenicpass verify|gate|sample-pass} lands here. */
@Command(
        name = "scenicpass",
        mixinStandardHelpOptions = true,
        version = "ScenicPass edge tools 0.1",
        description = "ScenicPass edge tools.",
        subcommands = {
            VerifyCommand.class,
            SamplePassCommand.class,
            GateCommand.class,
            KioskCommand.class,
            PrintedCommand.class
        })
public final class Main implements Runnable {
    /** Exit code for wrong usage or unusable inputs (missing file, bad key set). */
    static final int USAGE = 2;

    private final InputStream stdin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @param stdin where {@code verify} reads credentials */
    public Main(InputStream stdin) {
        this.stdin = stdin;
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * @param stdin standard input for {@code verify}
     * @param out standard output
     * @param err standard error
     * @return the command line, ready to {@code execute(args)}
     */
    public static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main(stdin));
        cl.setOut(out);
        cl.setErr(err);
        return cl;
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = commandLine(System.in, out, err).execute(args);
        out.flush();
        System.exit(code);
    }
}
