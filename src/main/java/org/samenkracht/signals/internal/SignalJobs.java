package org.samenkracht.signals.internal;

import org.samenkracht.common.web.NavItem;
import org.samenkracht.signals.Signals;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.Set;

/** Background work (escalation of overdue signals, wiping unfounded ones after retention) and the navigation. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SignalJobs {

    private final Signals signals;

    SignalJobs(Signals signals) {
        this.signals = signals;
    }

    @Scheduled(initialDelayString = "${samenkracht.signals.escalate-every:PT5M}", fixedDelayString = "${samenkracht.signals.escalate-every:PT5M}")
    void escalate() {
        signals.escalateOverdue();
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT6H")
    void purge() {
        signals.purgeExpired();
    }

    @Bean
    NavItem signalsNavItem() {
        return new NavItem("/signals", "signals.nav", 70, Set.of("PROFESSIONAL", "COACH"));
    }

    @Bean
    NavItem signalsPartnerNavItem() {
        return new NavItem("/signals/partner", "signals.partner.nav", 70, Set.of("SIGNALLING_PARTNER"));
    }

    @Bean
    NavItem signalsSettingsNavItem() {
        return new NavItem("/signals/settings", "signals.settings.nav", 71, Set.of("COACH", "ADMINISTRATOR"));
    }
}
