package org.samenkracht.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.samenkracht.identity.AccountAdministration;
import org.samenkracht.identity.AccountAdministration.AddAccount;
import org.samenkracht.identity.AccountAdministration.ChangeAccount;
import org.samenkracht.identity.ApiTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The administrator's work as JSON: the twin of {@code /admin}. Administrators only; never through an API token. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration", description = "Accounts, API tokens and the administrator's log")
class AdminApi {

    private final AccountAdministration administration;
    private final ApiTokens tokens;

    AdminApi(AccountAdministration administration, ApiTokens tokens) {
        this.administration = administration;
        this.tokens = tokens;
    }

    @GetMapping("/accounts")
    List<AccountAdministration.AccountRow> accounts() {
        return administration.accounts();
    }

    @PostMapping("/accounts")
    @Operation(summary = "Add a staff account; the answer holds its temporary password, shown only this once")
    ResponseEntity<AccountAdministration.Credentials> add(@Valid @RequestBody AddAccount body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(administration.add(body));
    }

    @PostMapping("/accounts/import")
    @Operation(summary = "Import staff accounts from CSV (username,displayName,role): all lines or none, refusals named by line")
    ResponseEntity<AccountAdministration.ImportResult> importCsv(@RequestBody(required = false) String csv) {
        var result = administration.importCsv(csv);
        return ResponseEntity.status(result.applied() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT).body(result);
    }

    @GetMapping("/accounts/{id}")
    AccountAdministration.AccountRow account(@PathVariable UUID id) {
        return administration.account(id);
    }

    @PutMapping("/accounts/{id}")
    @Operation(summary = "Change name, role and organisation; version is the one you read (a stale one gives 409)")
    AccountAdministration.AccountRow change(@PathVariable UUID id, @Valid @RequestBody ChangeAccount body) {
        administration.change(id, body);
        return administration.account(id);
    }

    @PostMapping("/accounts/{id}/deactivation")
    AccountAdministration.AccountRow deactivate(@PathVariable UUID id) {
        administration.deactivate(id);
        return administration.account(id);
    }

    @PostMapping("/accounts/{id}/activation")
    AccountAdministration.AccountRow activate(@PathVariable UUID id) {
        administration.activate(id);
        return administration.account(id);
    }

    @PostMapping("/accounts/{id}/password-reset")
    @Operation(summary = "A new temporary password, shown only this once")
    AccountAdministration.Credentials resetPassword(@PathVariable UUID id) {
        return administration.resetPassword(id);
    }

    @PostMapping("/accounts/{id}/second-factor-reset")
    ResponseEntity<Void> resetSecondFactor(@PathVariable UUID id) {
        administration.resetSecondFactor(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/account-events")
    List<AccountAdministration.Event> events() {
        return administration.events(200);
    }

    @GetMapping("/organisations")
    List<AccountAdministration.Organisation> organisations() {
        return administration.organisations();
    }

    @GetMapping("/tokens")
    List<ApiTokens.TokenView> tokens() {
        return tokens.list();
    }

    @PostMapping("/tokens")
    @Operation(summary = "Issue an API token for an account of your organisation; the secret is in this answer only")
    ResponseEntity<ApiTokens.IssuedToken> issue(@Valid @RequestBody ApiTokens.IssueToken body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.issue(body));
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tokens/{id}/uses")
    List<ApiTokens.TokenUse> uses(@PathVariable UUID id) {
        return tokens.uses(id, 500);
    }
}
