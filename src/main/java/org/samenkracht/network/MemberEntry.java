package org.samenkracht.network;

import java.util.List;
import java.util.UUID;

/**
 * What a network member with an account sees of themself: only their own entry in someone's
 * network (the person's first name, the support they give), their own load reports and their own
 * tasks. Nothing about the other members.
 */
public record MemberEntry(UUID memberId, UUID personId, String personGivenName, MemberProfile self,
                          List<String> tasks) {
}
