package org.dynreg.cli;

/**
 * Runs a shell command as one of the local users against a service the test started, the way an
 * operator would (DYNREG_URL, DYNREG_USER, DYNREG_PASSWORD), and leaves no setting behind.
 */
public final class ShellAs {
    private ShellAs() {
    }

    /** The command's exit code; the password is the local user's ({@code user + "-pass"}). */
    public static int run(int port, String user, String... command) {
        System.setProperty("DYNREG_URL", "http://localhost:" + port);
        System.setProperty("DYNREG_USER", user);
        System.setProperty("DYNREG_PASSWORD", user + "-pass");
        try {
            return DynregShell.run(command);
        } finally {
            System.clearProperty("DYNREG_URL");
            System.clearProperty("DYNREG_USER");
            System.clearProperty("DYNREG_PASSWORD");
        }
    }
}
