package org.dynreg.security.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.security.Office;
import org.dynreg.security.Role;
import org.dynreg.security.Users;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Users, their roles and offices, for administrators; one's own password and offices for everyone. */
@RestController
class UserController {
    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    record NewUser(String username, String displayName, List<Role> roles, List<Office> offices, String initialPassword) {}

    record Roles(List<Role> roles) {}

    record Offices(List<Office> offices) {}

    record Enabled(Boolean enabled) {}

    record PasswordChange(String oldPassword, String newPassword) {}

    @Operation(summary = "Every user with their roles and offices")
    @GetMapping("/api/admin/users")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    List<Users.User> list() {
        return users.list();
    }

    @Operation(summary = "One user with their roles and offices")
    @GetMapping("/api/admin/users/{username}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Users.User get(@PathVariable String username) {
        return users.get(username);
    }

    @Operation(summary = "Create a user with a one-time password they change at their first sign-in")
    @PostMapping("/api/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Users.User create(@RequestBody NewUser body, Authentication auth) {
        return users.create(body.username(), body.displayName(), body.roles(), body.offices(), body.initialPassword(), auth.getName());
    }

    @Operation(summary = "Replace a user's roles")
    @PutMapping("/api/admin/users/{username}/roles")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Users.User roles(@PathVariable String username, @RequestBody Roles body, Authentication auth) {
        return users.setRoles(username, body.roles(), auth.getName());
    }

    @Operation(summary = "Replace a user's offices (NATIONAL, DISTRICT, TEHSIL or SITE); none means no case's work")
    @PutMapping("/api/admin/users/{username}/offices")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Users.User offices(@PathVariable String username, @RequestBody Offices body, Authentication auth) {
        return users.setOffices(username, body.offices(), auth.getName());
    }

    @Operation(summary = "Disable or enable a user's sign-in")
    @PutMapping("/api/admin/users/{username}/enabled")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Users.User enabled(@PathVariable String username, @RequestBody Enabled body, Authentication auth) {
        if (body.enabled() == null) {
            throw new org.dynreg.api.InvalidRequestException("enabled", "true or false is required");
        }
        return users.setEnabled(username, body.enabled(), auth.getName());
    }

    @Operation(summary = "Me: my roles and offices")
    @GetMapping("/api/me")
    @PreAuthorize("isAuthenticated()")
    Users.User me(Authentication auth) {
        return users.get(auth.getName());
    }

    @Operation(summary = "Set my own password (at least 12 characters, not my user name, not a local default)")
    @PutMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("isAuthenticated()")
    void password(@RequestBody PasswordChange body, Authentication auth) {
        users.changeOwnPassword(auth.getName(), body.oldPassword(), body.newPassword());
    }
}
