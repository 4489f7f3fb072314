package org.samenkracht.socialmap.internal;

import org.samenkracht.identity.AdminCard;
import org.samenkracht.socialmap.SocialMap;
import org.springframework.stereotype.Component;

import java.util.List;

/** The social map's attention list on the administrator's start page: reports to handle, fiches not checked. */
@Component
class AttentionCard implements AdminCard {

    private final SocialMap socialMap;

    AttentionCard(SocialMap socialMap) {
        this.socialMap = socialMap;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String titleKey() {
        return "admin.card.socialmap";
    }

    @Override
    public String path() {
        return "/socialmap/attention";
    }

    @Override
    public List<Line> lines() {
        SocialMap.Attention attention = socialMap.attention();
        return List.of(new Line("admin.card.socialmap.reports", attention.reports().size()),
                new Line("admin.card.socialmap.stale", attention.staleCount(), attention.staleAfterDays()));
    }
}
