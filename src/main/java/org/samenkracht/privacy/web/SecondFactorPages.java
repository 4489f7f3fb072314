package org.samenkracht.privacy.web;

import jakarta.servlet.http.HttpServletRequest;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.internal.SecondFactors;
import org.samenkracht.privacy.internal.Totp;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Enrolling a second factor (TOTP) and giving the code after the password. */
@Controller
class SecondFactorPages {

    private final SecondFactors factors;

    SecondFactorPages(SecondFactors factors) {
        this.factors = factors;
    }

    @GetMapping("/login/second-factor")
    String codeForm() {
        return "privacy/second-factor-code";
    }

    @PostMapping("/login/second-factor")
    String code(@RequestParam(required = false) String code, HttpServletRequest request, Model model) {
        if (factors.verify(CurrentUser.get().id(), code)) {
            request.changeSessionId();
            SecondFactors.passed(request.getSession());
            return "redirect:/";
        }
        model.addAttribute("wrong", true);
        model.addAttribute("locked", factors.locked(CurrentUser.get().id()));
        return "privacy/second-factor-code";
    }

    @GetMapping("/account/second-factor")
    String enrolment(Model model) {
        CurrentUser user = CurrentUser.get();
        model.addAttribute("enabled", factors.enabled(user.id()));
        factors.pendingSecret(user.id()).ifPresent(secret -> {
            model.addAttribute("secret", Totp.base32(secret));
            model.addAttribute("uri", Totp.uri("Samenkracht", user.username(), secret));
        });
        return "privacy/second-factor";
    }

    @PostMapping("/account/second-factor/start")
    String start() {
        factors.startEnrolment(CurrentUser.get().id());
        return "redirect:/account/second-factor";
    }

    @PostMapping("/account/second-factor/confirm")
    String confirm(@RequestParam(required = false) String code, HttpServletRequest request, Model model) {
        if (factors.confirm(CurrentUser.get().id(), code)) {
            SecondFactors.passed(request.getSession());
            return "redirect:/account/second-factor?enabled";
        }
        model.addAttribute("wrong", true);
        return enrolment(model);
    }

    @PostMapping("/account/second-factor/remove")
    String remove(@RequestParam(required = false) String code, Model model) {
        CurrentUser user = CurrentUser.get();
        if (!factors.verify(user.id(), code)) {
            model.addAttribute("wrong", true);
            return enrolment(model);
        }
        factors.remove(user.id());
        return "redirect:/account/second-factor?removed";
    }
}
