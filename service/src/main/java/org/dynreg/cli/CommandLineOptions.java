package org.dynreg.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --name value} options of a command-line entry point, declared with their meaning and
 * default, so that {@code --help} prints them and a misspelt or unknown option is refused instead of
 * silently ignored (a run started with defaults it was not asked for).
 */
public final class CommandLineOptions {

    /** Exit code of a refused command line, as for the shell's refused input. */
    public static final int REFUSED = 2;

    private final String synopsis;
    private final Map<String, String[]> declared = new LinkedHashMap<>();

    public CommandLineOptions(String synopsis) {
        this.synopsis = synopsis;
    }

    /** Declares {@code --name value}; {@code fallback} is shown in the usage (null: no default). */
    public CommandLineOptions option(String name, String meaning, String fallback) {
        declared.put(name, new String[] {meaning, fallback});
        return this;
    }

    public static boolean asksForHelp(String[] args) {
        return args.length == 1 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"));
    }

    /**
     * The options given, each declared and each with a value.
     *
     * @throws Refused naming the first option that is unknown, repeated or without a value
     */
    public Map<String, String> parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new Refused("expected an option such as --" + declared.keySet().iterator().next()
                        + ", got '" + arg + "'");
            }
            String name = arg.substring(2);
            if (!declared.containsKey(name)) {
                throw new Refused("unknown option '" + arg + "'");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new Refused("option '" + arg + "' needs a value");
            }
            if (given.put(name, args[i + 1]) != null) {
                throw new Refused("option '" + arg + "' is given twice");
            }
        }
        return given;
    }

    public void printUsage(PrintStream out) {
        out.println("usage: " + synopsis);
        if (declared.isEmpty()) {
            return;
        }
        out.println("options:");
        int width = declared.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        declared.forEach((name, d) -> out.printf("  --%-" + width + "s%s%s%n", name, d[0],
                d[1] == null ? "" : " (default " + d[1] + ")"));
        out.println("  --help" + " ".repeat(Math.max(1, width - 4)) + "this text");
    }

    /** A refused command line: the message says what is wrong, in the user's terms. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
