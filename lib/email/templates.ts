export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function layout(title: string, paragraphs: string[], action: { label: string; url: string }, footer: string): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escape(p)}</p>`).join("");
  return `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#0f172a;background:#f8fafc;padding:24px">
<table role="presentation" style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:32px"><tr><td>
<h1 style="font-size:20px;margin:0 0 16px">${escape(title)}</h1>${body}
<p style="margin:24px 0"><a href="${escape(action.url)}" style="background:#4f46e5;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">${escape(action.label)}</a></p>
<p style="font-size:13px;color:#475569;margin:0 0 8px">Or paste this link into your browser: ${escape(action.url)}</p>
<p style="font-size:13px;color:#475569;margin:0">${escape(footer)}</p>
</td></tr></table></body></html>`;
}

function build(title: string, paragraphs: string[], action: { label: string; url: string }, footer: string): EmailContent {
  return {
    subject: title,
    text: [...paragraphs, "", `${action.label}: ${action.url}`, "", footer].join("\n"),
    html: layout(title, paragraphs, action, footer),
  };
}

export function verifyEmailContent(name: string, url: string): EmailContent {
  return build(
    "Confirm your email for PartnerOS",
    [`Hi ${name},`, "Confirm your email address to finish creating your partner account."],
    { label: "Confirm email", url },
    "The link works once and expires in 24 hours. If you did not sign up, ignore this email.",
  );
}

export function resetPasswordContent(url: string): EmailContent {
  return build(
    "Reset your PartnerOS password",
    ["Someone asked to reset the password of this account. If it was you, choose a new password."],
    { label: "Choose a new password", url },
    "The link works once and expires in 1 hour. If you did not ask for it, your password stays as it is.",
  );
}

/** Sent instead of an "already registered" answer, so the sign-up form does not reveal which emails have accounts. */
export function signUpExistingAccountContent(url: string): EmailContent {
  return build(
    "Someone tried to sign up with your email",
    ["Someone (perhaps you) tried to create a PartnerOS account with this email address, which already has one.", "Sign in with your password, or reset it if you forgot it."],
    { label: "Sign in", url },
    "If this was not you, you can ignore this email: nothing was changed.",
  );
}

/** Sent to an invitee who already has an account, instead of telling the inviter that the account exists. */
export function inviteExistingAccountContent(inviter: string, company: string, url: string): EmailContent {
  return build(
    `${inviter} invited you to ${company} on PartnerOS`,
    [`${inviter} invited you to join ${company} on PartnerOS.`, "This email address already has a PartnerOS account, so no new account was created. Sign in as usual; if you need to move your account to this organisation, reply to the person who invited you."],
    { label: "Sign in", url },
    "If you did not expect this, you can ignore this email: nothing was changed.",
  );
}

export function invitationContent(inviter: string, company: string, roleLabel: string, url: string): EmailContent {
  return build(
    `${inviter} invited you to ${company} on PartnerOS`,
    [`${inviter} invited you to join ${company} on PartnerOS as ${roleLabel}.`],
    { label: "Accept the invitation", url },
    "The invitation expires in 7 days.",
  );
}

export function tierChangedContent(
  name: string,
  change: { from: string | null; to: string; up: boolean; rate: string; effectiveFrom: string },
  url: string,
): EmailContent {
  const rate = `${Number(change.rate)}%`;
  return build(
    change.up ? `You reached the ${change.to} tier` : `Your tier is now ${change.to}`,
    [
      `Hi ${name},`,
      change.up
        ? `Your referred deals over the last 90 days moved you from ${change.from ?? "no tier"} up to ${change.to}. Deals that close from ${change.effectiveFrom} earn ${rate} commission.`
        : `Your referred deals over the last 90 days now meet the ${change.to} tier (from ${change.from ?? "no tier"}). Deals that close from ${change.effectiveFrom} earn ${rate} commission, as the program terms set.`,
    ],
    { label: "See your tier progress", url },
    "You receive this email because tier changes are switched on in your email preferences.",
  );
}

export function registrationDecisionContent(
  name: string,
  decision: { customer: string; approved: boolean; protectedUntil: string | null; reason: string | null },
  url: string,
): EmailContent {
  return build(
    decision.approved ? `Deal registration approved: ${decision.customer}` : `Deal registration declined: ${decision.customer}`,
    [
      `Hi ${name},`,
      decision.approved
        ? `Your registration of ${decision.customer} was approved. The customer is protected for you until ${decision.protectedUntil}.`
        : `Your registration of ${decision.customer} was declined. Reason: ${decision.reason ?? "not given"}.`,
    ],
    { label: "Open your deals", url },
    "Questions about a decision? Reply to your partner manager.",
  );
}

/** The applicant's receipt, from the program page or the sign-up form. */
export function applicationReceivedContent(name: string, company: string, url: string): EmailContent {
  return build(
    `We received your partner application for ${company}`,
    [
      `Hi ${name},`,
      `Thank you for applying to our partner program on behalf of ${company}. The partnerships team reviews every application, usually within two business days, and you will hear from us by email either way.`,
    ],
    { label: "Read about the program", url },
    "Your referral links start working once the application is approved.",
  );
}

/** A self signed-up partner's approval: the account exists already, so the email says where to sign in. */
export function applicationApprovedContent(name: string, company: string, url: string): EmailContent {
  return build(
    `Welcome to the partner program, ${company}`,
    [
      `Hi ${name},`,
      `Your partner application for ${company} is approved. Sign in to finish onboarding; your referral link is active from now on.`,
    ],
    { label: "Sign in", url },
    "You receive this email because you applied to our partner program.",
  );
}

export function applicationRejectedContent(name: string, company: string, reason: string, url: string): EmailContent {
  return build(
    `Your partner application for ${company}`,
    [`Hi ${name},`, `Thank you for applying to our partner program. We are not able to approve the application for ${company} at this time.`, `Reason: ${reason}`],
    { label: "Read about the program", url },
    "You are welcome to apply again when your situation changes.",
  );
}

export function payoutSentContent(name: string, amount: string, url: string): EmailContent {
  return build(
    `Payout sent: ${amount}`,
    [`Hi ${name},`, `We sent you a payout of ${amount}. It usually reaches your account within a few business days.`],
    { label: "See your payouts", url },
    "You receive this email because payout emails are switched on in your email preferences.",
  );
}

/** Without Stripe keys nothing is transferred: the email must not read like money on its way. */
export function payoutSimulatedContent(name: string, amount: string, url: string): EmailContent {
  return build(
    `Simulated payout: no money moved (${amount})`,
    [
      `Hi ${name},`,
      `A payout of ${amount} was recorded as simulated. This PartnerOS workspace has no payment provider connected, so no money moved and nothing will reach your account.`,
      "The commission lines it covers are marked paid (simulated) so you can follow how a real payout would look.",
    ],
    { label: "See your payouts", url },
    "You receive this email because payout emails are switched on in your email preferences.",
  );
}

export function payoutFailedContent(name: string, partner: string, amount: string, reason: string, url: string): EmailContent {
  return build(
    `Payout failed: ${amount} to ${partner}`,
    [`Hi ${name},`, `The payout of ${amount} to ${partner} did not go through.`, `Reason: ${reason}`, "Finance will retry it or pay it another way."],
    { label: "Open the payout", url },
    "Nothing was paid twice: a retry reuses the same payout.",
  );
}
