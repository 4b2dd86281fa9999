package io.pylon.domain.marketing;

import java.util.Objects;

/** What came of giving a driver a coupon of a campaign. */
public sealed interface IssueOutcome {

    record Issued(DriverCoupon coupon) implements IssueOutcome {
        public Issued {
            Objects.requireNonNull(coupon, "coupon");
        }
    }

    record Refused(CouponCampaign.Refusal reason) implements IssueOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
