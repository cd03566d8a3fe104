package org.dynreg.cli;

import org.jline.reader.LineReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/**
 * Signing in once for a day's work in the interactive shell (the prompt, {@link DynregShell}, names who is signed in).
 * One-shot commands for scripts take DYNREG_USER and DYNREG_PASSWORD instead.
 */
@Command
class SessionCommands {
    private final ServiceClient service;
    private final ObjectProvider<LineReader> reader;
    private final boolean interactive;

    SessionCommands(ServiceClient service, ObjectProvider<LineReader> reader,
                    @Value("${spring.shell.interactive.enabled:false}") boolean interactive) {
        this.service = service;
        this.reader = reader;
        this.interactive = interactive;
    }

    @Command(command = "login", description = "Sign in for the rest of the session; the password is asked for and not shown")
    String login(@Option(longNames = "user", required = true) String user) {
        if (!interactive) {
            throw new CliFailure(CliFailure.REFUSED, "login is for the interactive shell; a one-shot command signs in with DYNREG_USER and DYNREG_PASSWORD");
        }
        String password = reader.getObject().readLine("Password for " + user + ": ", '*');
        service.signIn(user, password);
        return "Signed in as " + user + " at " + service.base() + ". 'task list' shows your tasks.";
    }

    @Command(command = "logout", description = "Sign out; the next command needs a login again")
    String logout() {
        service.signOut();
        return "Signed out.";
    }

    @Command(command = "whoami", description = "Who the commands run as, and against which service")
    String whoami() {
        return service.user().isBlank() ? "Nobody is signed in ('login --user NAME')." : service.user() + " at " + service.base();
    }
}
