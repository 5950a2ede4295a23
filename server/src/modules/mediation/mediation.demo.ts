import type { AppContext } from "../../core/context.ts";
export async function seedMediationDemo(_ctx: AppContext): Promise<void> {}
