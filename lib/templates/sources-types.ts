import type { VariableSource } from "./schema";

export type SourceValues = Partial<Record<VariableSource, string>>;
