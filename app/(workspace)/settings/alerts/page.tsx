import type { Metadata } from "next";
import { PreferencesForm } from "@/components/alerts/preferences-form";
import { RuleSettingsForm, type RuleFormValues } from "@/components/alerts/rule-settings-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  getAlertPreferences,
  getWorkspaceCurrency,
  listRuleSettings,
  type RuleSettingRow,
} from "@/lib/alerts/queries";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { minorDigits } from "@/lib/money";

export const metadata: Metadata = { title: "Alert settings" };

/** Stored thresholds as the form shows them (the high-value amount in whole currency units). */
function formValues(rule: RuleSettingRow, currency: string): RuleFormValues {
  const t = rule.thresholds as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(t)) {
    if (v && typeof v === "object")
      for (const [nk, nv] of Object.entries(v)) values[`${k}.${nk}`] = String(nv);
    else values[k] = String(v);
  }
  if (rule.key === "high_value_change") {
    values.amount = String(Math.round(Number(t.amountMinor) / 10 ** minorDigits(currency)));
    delete values.amountMinor;
  }
  return { key: rule.key, enabled: rule.enabled, priority: rule.priority, values };
}

export default async function AlertSettingsPage() {
  const user = await requireUser(STAFF_ROLES);
  const isVp = user.role === "vp";
  const data = await withSession({ claims: user.claims }, async (tx) => ({
    currency: await getWorkspaceCurrency(tx),
    rules: isVp ? await listRuleSettings(tx) : [],
    preferences: await getAlertPreferences(tx, user.id),
  }));
  return (
    <div className="grid gap-6">
      <PageHeader title="Settings" description="When alerts are raised, and how many reach you." />
      <SettingsNav
        current="/settings/alerts"
        isVp={isVp}
        isFinance={user.role === "finance"}
        isPartnershipManager={user.role === "partnership_manager"}
      />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Your alerts</h2>
          </CardTitle>
          <CardDescription>
            Frequency controls so you are never flooded. The digest lists the alerts raised since the last
            one.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <PreferencesForm initial={data.preferences} />
        </CardContent>
      </Card>
      {isVp ? (
        <section className="grid gap-4" aria-labelledby="alert-rules-heading">
          <h2 id="alert-rules-heading" className="text-lg font-semibold">
            Rules for the whole team
          </h2>
          <div className="grid gap-4 lg:grid-cols-2">
            {data.rules.map((rule) => (
              <RuleSettingsForm key={rule.key} initial={formValues(rule, data.currency)} />
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
