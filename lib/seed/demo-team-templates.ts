/** A team-authored template the demo workspace starts with (the onboarding bundle uses it). */
export const PARTNER_ONBOARDING_PLAN = `---
title: Partner Onboarding Plan
category: operations
purpose: A shared 90-day plan that takes a newly signed partner to its first registered deal
priority: high
partner_types: [isv, referral, reseller, si]
tiers: [starter, active]
skill_level: beginner
phase: [onboard, enable]
time_required: 30 minutes
description: >-
  The plan we agree with every newly signed partner in the kickoff call: owners on both sides,
  the milestones of the first 90 days, the enablement path and how we will know onboarding worked.
outcomes:
  - Named owners on both sides and a weekly check-in for the first 90 days
  - A first registered deal inside 60 days
  - Sales and technical certification completed by the partner's core team
related: [mutual-nda, partner-portal-guide, deal-registration-policy]
variables:
  - { name: partner_name, label: Partner name, type: text, source: partner.name, required: true }
  - { name: company_name, label: Our company, type: text, source: company.name }
  - { name: partner_tier, label: Starting tier, type: text, source: partner.tier }
  - { name: partner_manager, label: Partner manager, type: text, source: partner.manager_name }
  - { name: partner_contact, label: Partner's primary contact, type: text, source: partner.primary_contact_name }
  - { name: commission_rate, label: Commission rate, type: percent, source: partner.commission_rate }
  - { name: kickoff_date, label: Kickoff date, type: date, required: true, example: "2026-12-01" }
  - { name: first_deal_goal, label: First-deal goal, type: text, default: "One registered deal within 60 days" }
---
## Who owns what

This plan starts on {{kickoff_date}} and runs for 90 days. {{partner_manager}} leads it for {{company_name}};
{{partner_contact}} leads it for {{partner_name}}. Both meet for thirty minutes every week until day 90, then
move to the monthly rhythm of the {{partner_tier}} tier.

| Role | {{company_name}} | {{partner_name}} |
| --- | --- | --- |
| Executive sponsor | VP Strategic Partnerships | Named at kickoff |
| Day-to-day owner | {{partner_manager}} | {{partner_contact}} |
| Technical lead | Solutions engineer | Named at kickoff |
| Finance contact | Partner finance | Accounts payable |

> **Guidance:** Name people, not teams. A plan with "sales team" as the owner has no owner.

## Milestones for the first 90 days

| Week | Milestone | Done when |
| --- | --- | --- |
| 1 | Kickoff call and portal access | Every partner seller can sign in and open their referral link |
| 2 | Payout and tax details complete | The onboarding checklist in the portal shows 100% |
| 3–4 | Sales certification | The partner's core sellers pass the sales course |
| 5–6 | Joint account mapping | A list of 10 target accounts with owners on both sides |
| 6–8 | First registered deal | {{first_deal_goal}} |
| 9–12 | Technical certification and first review | A solutions lead certified; a short review of the 90 days |

> **Guidance:** Keep the first deal small and winnable. A fast first win teaches both teams the process.

## Enablement path

1. Program overview: tiers, the {{commission_rate}} commission on referred revenue, payout timing.
2. Deal registration: how to register, what protection it gives, how conflicts are settled.
3. Product essentials: the three use cases that close most often and the demo that goes with each.
4. Technical deep dive for the partner's solutions lead.
5. Co-marketing: the campaign kit, landing pages and how campaign links attribute referrals.

> **Guidance:** Book every session in the kickoff call. Enablement that is "to be scheduled" rarely happens.

## How we will know it worked

- At least one deal registered and accepted by day 60.
- Referral links shared in at least one campaign by day 45.
- Weekly check-ins held, with notes in the interaction log.
- The partner's health score at 60 or above at the day-90 review.

If two of these are missed at day 60, {{partner_manager}} and {{partner_contact}} agree a recovery plan with
dates, and the executive sponsors review it together.

## Next steps after day 90

Move to monthly check-ins, schedule the first quarterly business review, and review whether the partner
is on course for the next tier. Record the decisions and owners in the interaction log so the whole team
sees them.
`;
