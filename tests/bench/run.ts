import { authSuite } from "./auth";
import { clicksCrashSuite } from "./clicks-crash";
import { commissionsDatabaseBench } from "./commissions-db";
import { commissionsEngineBench } from "./commissions-engine";
import { pipelineSuite } from "./pipeline";
import { referralSuite } from "./referral";
import { startupSuite } from "./startup";
import { benchAlertEvaluation } from "./team-alerts";
import { benchStatusSave } from "./team-status";
import { templatesSuite } from "./templates";

const SUITES: Record<string, () => Promise<void>> = {
  auth: authSuite,
  pipeline: pipelineSuite,
  referral: referralSuite,
  "clicks-crash": clicksCrashSuite,
  startup: startupSuite,
  templates: templatesSuite,
  team: async () => {
    await benchAlertEvaluation();
    await benchStatusSave();
  },
  commissions: async () => {
    await commissionsEngineBench();
    await commissionsDatabaseBench();
  },
};

const requested = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const names = requested.length ? requested : Object.keys(SUITES);
for (const name of names) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`Unknown benchmark suite "${name}". Known: ${Object.keys(SUITES).join(", ")}`);
    process.exit(2);
  }
  await suite();
}
process.exit(0);
