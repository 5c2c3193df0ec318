// What a TypeScript developer writes against the types json-schema-to-typescript generates from
// banzhang's JSON Schemas (the test generates them beside this file, then runs tsc --strict).
import type { Agency, PowerItem, PowerList, PowerTypeCode } from "./power-list.schema";
import type { ServiceGuide } from "./service-guide.schema";

const department: Agency = { name: "包头市市场监督管理局", nature: "1" };

const licensing: PowerTypeCode = "01";
// @ts-expect-error "99" is no 事项类型: codelists are closed unions, not plain strings.
const unknownType: PowerTypeCode = "99";

export function firstItemName(list: PowerList): string {
  const first: PowerItem = list.items[0];
  return `${first.name}（${first.power_type === licensing ? "行政许可" : first.power_type}）`;
}

export function departmentOf(guide: ServiceGuide): string {
  return guide.accepting_agency.name;
}

export const used = [department, unknownType];
