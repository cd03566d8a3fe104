package org.dynreg.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs a shell command as one of the local users against a service the test started, the way an
 * operator would (DYNREG_URL, DYNREG_USER, DYNREG_PASSWORD), and leaves no setting behind.
 */
public final class ShellAs {
    private ShellAs() {
    }

    /** What a shell run printed on its terminal, and its exit code. */
    public record Printed(int exitCode, String text) {
    }

    /** The command's exit code; the password is the local user's ({@code user + "-pass"}). */
    public static int run(int port, String user, String... command) {
        return printing(port, user, command).exitCode();
    }

    /** The command run once, as a script would, with what it printed on the terminal. */
    public static Printed printing(int port, String user, String... command) {
        System.setProperty("DYNREG_USER", user);
        System.setProperty("DYNREG_PASSWORD", user + "-pass");
        try {
            return onTerminal(port, "", command);
        } finally {
            System.clearProperty("DYNREG_USER");
            System.clearProperty("DYNREG_PASSWORD");
        }
    }

    /** The interactive shell, nobody signed in, with {@code typed} as what a person types (a line a command); it ends with the input. */
    public static Printed session(int port, String typed) {
        return onTerminal(port, typed);
    }

    private static Printed onTerminal(int port, String typed, String... command) {
        System.setProperty("DYNREG_URL", "http://localhost:" + port);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            int code = DynregShell.run(command, new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), printed);
            return new Printed(code, printed.toString(StandardCharsets.UTF_8).replace("\r", ""));
        } finally {
            System.clearProperty("DYNREG_URL");
        }
    }
}
