package org.samenkracht.identity.web;

import jakarta.validation.Valid;
import org.samenkracht.identity.AccountAdministration;
import org.samenkracht.identity.AccountAdministration.AddAccount;
import org.samenkracht.identity.AccountAdministration.ChangeAccount;
import org.samenkracht.identity.AdminCard;
import org.samenkracht.identity.ApiTokens;
import org.samenkracht.identity.Role;
import org.samenkracht.identity.TokenPart;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The administrator's start page and work: accounts, API tokens, and the cards other modules add. */
@Controller
@RequestMapping("/admin")
class AdminPages {

    private final AccountAdministration administration;
    private final ApiTokens tokens;
    private final List<AdminCard> cards;

    AdminPages(AccountAdministration administration, ApiTokens tokens, List<AdminCard> cards) {
        this.administration = administration;
        this.tokens = tokens;
        this.cards = cards.stream().sorted(Comparator.comparingInt(AdminCard::order)).toList();
    }

    record CardView(String titleKey, String path, List<AdminCard.Line> lines) {
    }

    @GetMapping
    String start(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AddAccount("", "", Role.PROFESSIONAL));
        }
        return start(model, null);
    }

    private String start(Model model, Object unused) {
        model.addAttribute("cards", cards.stream().map(c -> new CardView(c.titleKey(), c.path(), c.lines())).toList());
        model.addAttribute("accounts", administration.accounts());
        model.addAttribute("events", administration.events(15));
        model.addAttribute("staffRoles", List.of(Role.PROFESSIONAL, Role.COACH, Role.ADMINISTRATOR));
        return "identity/admin";
    }

    @PostMapping("/accounts")
    String add(@Valid @ModelAttribute("form") AddAccount form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return start(model, null);
        }
        redirect.addFlashAttribute("credentials", administration.add(form));
        return "redirect:/admin";
    }

    @PostMapping("/accounts/import")
    String importCsv(@RequestParam(defaultValue = "") String csv, RedirectAttributes redirect) {
        redirect.addFlashAttribute("imported", administration.importCsv(csv));
        redirect.addFlashAttribute("csv", csv);
        return "redirect:/admin";
    }

    @GetMapping("/accounts/{id}")
    String account(@PathVariable UUID id, Model model) {
        var account = administration.account(id);
        model.addAttribute("account", account);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ChangeAccount(account.displayName(), account.role(), account.organisationId(),
                    account.version()));
        }
        model.addAttribute("organisations", administration.organisations());
        model.addAttribute("staffRoles", List.of(Role.PROFESSIONAL, Role.COACH, Role.ADMINISTRATOR));
        return "identity/admin-account";
    }

    @PostMapping("/accounts/{id}")
    String change(@PathVariable UUID id, @Valid @ModelAttribute("form") ChangeAccount form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return account(id, model);
        }
        administration.change(id, form);
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/accounts/{id}/deactivate")
    String deactivate(@PathVariable UUID id) {
        administration.deactivate(id);
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/accounts/{id}/activate")
    String activate(@PathVariable UUID id) {
        administration.activate(id);
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/accounts/{id}/password-reset")
    String resetPassword(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("credentials", administration.resetPassword(id));
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/accounts/{id}/second-factor-reset")
    String resetSecondFactor(@PathVariable UUID id, RedirectAttributes redirect) {
        administration.resetSecondFactor(id);
        redirect.addFlashAttribute("secondFactorReset", true);
        return "redirect:/admin/accounts/" + id;
    }

    /** The form for a new token: parts as checkboxes, expiry a date. */
    record TokenForm(UUID accountId, String name, Set<TokenPart> parts, Boolean mayWrite, LocalDate expiresOn) {
    }

    @GetMapping("/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("accounts", administration.accounts().stream().filter(AccountAdministration.AccountRow::enabled).toList());
        model.addAttribute("parts", TokenPart.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TokenForm(null, "", Set.of(), false, LocalDate.now().plusMonths(6)));
        }
        return "identity/admin-tokens";
    }

    @PostMapping("/tokens")
    String issue(@ModelAttribute("form") TokenForm form, RedirectAttributes redirect) {
        redirect.addFlashAttribute("issued", tokens.issue(new ApiTokens.IssueToken(form.accountId(), form.name(),
                form.parts() == null ? Set.of() : form.parts(), form.mayWrite(), form.expiresOn())));
        return "redirect:/admin/tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id) {
        tokens.revoke(id);
        return "redirect:/admin/tokens";
    }

    @GetMapping("/tokens/{id}")
    String uses(@PathVariable UUID id, Model model) {
        model.addAttribute("token", tokens.list().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new org.samenkracht.common.domain.NotFound("token")));
        model.addAttribute("uses", tokens.uses(id, 100));
        return "identity/admin-token";
    }
}

@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class AdminNavigation {
    @org.springframework.context.annotation.Bean
    org.samenkracht.common.web.NavItem adminNavItem() {
        return new org.samenkracht.common.web.NavItem("/admin", "admin.nav", 5, Set.of(Role.ADMINISTRATOR.name()));
    }
}
