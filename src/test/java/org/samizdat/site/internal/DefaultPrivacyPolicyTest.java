package org.samizdat.site.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.samizdat.shared.Language;
import org.samizdat.site.PrivacyPolicies;
import org.springframework.dao.DuplicateKeyException;

/** Nodes starting together on one database: the node that loses the race for the first policy version starts. */
class DefaultPrivacyPolicyTest {

    @Test
    void anotherNodePublishingTheFirstVersionAtTheSameMomentIsNoFailure() throws Exception {
        PrivacyPolicies policies = mock(PrivacyPolicies.class);
        when(policies.current(any())).thenReturn(Optional.empty());
        when(policies.publish(any(), anyString(), anyString(), any()))
                .thenThrow(new DuplicateKeyException("policy_page_version"));

        new DefaultPrivacyPolicy(policies).publishIfMissing();

        verify(policies, times(Language.values().length)).publish(any(), anyString(), anyString(), any());
    }
}
