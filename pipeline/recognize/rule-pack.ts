// Rule packs are data: one JSON file per component type plus pack.json, validated with zod at load time so a
// bad file fails with its name and the reason. Adding a type or a label variant is editing JSON, not code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../package-root.js';

export const VALUE_TYPES = [
  'text',
  'person_name',
  'address',
  'date',
  'id_number',
  'tax_code',
  'money',
  'area',
  'sex',
  'code',
  'dossier_code',
] as const;

const weighted = z.object({ text: z.string().min(1), weight: z.number().min(0).max(1) });

const fieldSchema = z.strictObject({
  type: z.enum(VALUE_TYPES),
  /** Printed labels, most specific first; "Vietnamese / English" bilingual labels may be given whole. */
  labels: z.array(z.string().min(1)),
  /** Numbered form items whose number anchors the value, e.g. "05" for "[05] Mã số thuế:". */
  items: z.array(z.string().regex(/^\d{1,3}$/)).default([]),
  /** Where the value sits relative to its label. */
  position: z.enum(['right', 'below', 'right-or-below']).default('right-or-below'),
  /** Continuation lines a value may take (addresses wrap). */
  maxLines: z.number().int().min(1).max(10).default(1),
  /** Restrict the search to a party block declared in `blocks`. */
  block: z.string().optional(),
  /** How the value is found when not (only) by label. */
  anchor: z.enum(['label', 'date-line', 'agency-header', 'title', 'pattern']).default('label'),
  /** For anchor "pattern": a regular expression (Unicode) a whole line must match, e.g. a GCN serial "CS 123456". */
  pattern: z
    .string()
    .refine((p) => {
      try {
        new RegExp(p, 'u');
        return true;
      } catch {
        return false;
      }
    }, 'not a valid regular expression')
    .optional(),
  /**
   * Labels that are part of the value: the abstract "Về việc cấp giấy …" is recorded with its opening words.
   * Each must also be listed in `labels`.
   */
  keepLabels: z.array(z.string().min(1)).default([]),
  /** The label may be followed directly by the value without a colon even when short ("Ông NGUYỄN VĂN A"). */
  colonOptional: z.boolean().default(false),
  /** Closed list of the values the field can take ("Việt Nam"): a value is read as one of them or reviewed. */
  vocabulary: z.array(z.string().min(1)).default([]),
  /** Dates that cannot lie in the future (birth, death, registration). */
  notFuture: z.boolean().default(false),
  /** Money field this value must agree with (amount in words vs figures). */
  agreesWith: z.string().optional(),
  /**
   * A date on or after another date field of the component (the appointment after the receipt, a death after the
   * birth), at most `maxDays` later when given: a year misread by a digit breaks the order or the span.
   */
  after: z.strictObject({ field: z.string(), maxDays: z.number().int().min(0).optional() }).optional(),
  /** Fields of the same component a personal ID is cross-checked against. */
  // `holderSex`: the holder's sex known from the role (the husband of a marriage certificate is Nam).
  idContext: z
    .strictObject({
      birthDate: z.string().optional(),
      sex: z.string().optional(),
      holderSex: z.enum(['Nam', 'Nữ']).optional(),
    })
    .optional(),
  note: z.string().optional(),
});

const typeSchema = z
  .strictObject({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/),
    name: z.string().min(1),
    titles: z.array(z.string().min(1)),
    /** Evidence anywhere on the page (form codes "Mẫu số 01/LPTB", typical phrases), weight 0..1. */
    keywords: z.array(weighted).default([]),
    /** Type abbreviations in the "Số: …/XX-…" symbol, e.g. "QĐ". */
    symbols: z.array(z.string().min(1)).default([]),
    /** Evidence against this type. */
    negative: z.array(weighted).default([]),
    /** Phrases that mark an untitled page as a later page of this type (card back, GCN inner pages). */
    continuation: z.array(z.string().min(1)).default([]),
    /** Party blocks: a block runs from a line matching one of `starts` to the next block start. */
    blocks: z.array(z.strictObject({ name: z.string().min(1), starts: z.array(z.string().min(1)).min(1) })).default([]),
    /** Fields that must be present and confident for the component to be accepted without review. */
    keyFields: z.array(z.string()).default([]),
    /** A card printed on both sides: a page that cannot be read right after its one-page front is its back. */
    twoSided: z.boolean().default(false),
    fields: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), fieldSchema),
  })
  .superRefine((t, ctx) => {
    const blocks = new Set(t.blocks.map((b) => b.name));
    for (const k of t.keyFields)
      if (!t.fields[k]) ctx.addIssue({ code: 'custom', message: `keyField ${k} is not a field` });
    for (const [key, f] of Object.entries(t.fields)) {
      if (f.block && !blocks.has(f.block))
        ctx.addIssue({ code: 'custom', message: `${key}: unknown block ${f.block}` });
      if (f.agreesWith && !t.fields[f.agreesWith])
        ctx.addIssue({ code: 'custom', message: `${key}: agreesWith names unknown field ${f.agreesWith}` });
      if (f.after && (f.type !== 'date' || t.fields[f.after.field]?.type !== 'date'))
        ctx.addIssue({ code: 'custom', message: `${key}: after needs a date field after another date field` });
      for (const ref of [f.idContext?.birthDate, f.idContext?.sex].filter((r) => r !== undefined))
        if (!t.fields[ref]) ctx.addIssue({ code: 'custom', message: `${key}: idContext names unknown field ${ref}` });
      for (const l of f.keepLabels)
        if (!f.labels.includes(l))
          ctx.addIssue({ code: 'custom', message: `${key}: keepLabels "${l}" is not a label` });
      if (f.anchor === 'pattern' && !f.pattern)
        ctx.addIssue({ code: 'custom', message: `${key}: anchor "pattern" needs a pattern` });
      if (f.anchor === 'label' && f.labels.length === 0 && f.items.length === 0)
        ctx.addIssue({ code: 'custom', message: `${key}: a label-anchored field needs labels or items` });
    }
  });

const settingsSchema = z.strictObject({
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/),
  /** Top share of the page where titles are looked for. */
  titleZone: z.number().gt(0).lte(1),
  thresholds: z.strictObject({
    /** Title similarity (0..1) needed for a line to count as a title. */
    titleSimilarity: z.number().min(0).max(1),
    /** Page score needed to start a component / to be typed at all. */
    startScore: z.number().min(0).max(1),
    /** Component type confidence needed for automatic acceptance. */
    typeConfidence: z.number().min(0).max(1),
    /** Key-field confidence needed for automatic acceptance. */
    fieldConfidence: z.number().min(0).max(1),
    /**
     * Share of a page's words (two letters or more) that are Vietnamese syllables below which its text is not read
     * (a page OCR'd upside down): it continues nothing.
     */
    readableShare: z.number().min(0).max(1).default(0.45),
    /** Fewest words for the readable share to be judged. */
    readableWords: z.number().int().min(1).default(8),
  }),
  /** The national motto and slogan lines: neither titles nor part of the agency header. */
  motto: z.array(z.string().min(1)),
  /** Upper-case lines that are never titles: agency names, copy stamps. */
  notTitles: z.array(z.string().min(1)),
  /** Phrases that mark a later page of any document ("Trang 2/3", "Điều 3", "Nơi nhận"). */
  continuation: z.array(z.string().min(1)),
  /** Labels common to many documents that end a value on the same line ("Dân tộc", "Quốc tịch"). */
  stopLabels: z.array(z.string().min(1)),
  /**
   * Words no value ends on, as printed: they want what follows ("số", "từ", "ông", "phường"). A value line that
   * ends on one goes on to the next line, however long that line is.
   */
  wrapAfter: z.array(z.string().min(1)).default([]),
  /**
   * Closed name vocabularies (domain.md §5.4): common surnames and middle names as printed, used to restore
   * diacritics OCR dropped from a name in capitals ("NGUYEN" -> "NGUYỄN") and to flag the rest of such a name.
   */
  names: z
    .strictObject({
      surnames: z.array(z.string().min(1)),
      middleNames: z.array(z.string().min(1)),
      /** Common given and middle names as printed, with or without marks ("Lan", "Hùng", "Hưng"). */
      givenNames: z.array(z.string().min(1)).default([]),
    })
    .default({ surnames: [], middleNames: [], givenNames: [] }),
  /**
   * Plausibility of OCR-read words in names, addresses and text: every word must be a Vietnamese syllable, a
   * listed syllable outside the standard structure (place names of the Central Highlands: "Đắk", "Krông"), an
   * abbreviation in capitals without a vowel ("TNHH") or a listed one ("UBND"). Words below `minWordConfidence`
   * send the component to review too.
   */
  plausibility: z
    .strictObject({
      extraSyllables: z.array(z.string().min(1)).default([]),
      abbreviations: z.array(z.string().min(1)).default([]),
      /** Abbreviations of document kinds in a number's symbol (NĐ 30/2020 Phụ lục III: "QĐ", "HD", "TTr"). */
      documentSymbols: z.array(z.string().min(1)).default([]),
      /** Administrative phrases beyond the pack's titles and labels whose marks restore OCR slips ("xây dựng"). */
      phrases: z.array(z.string().min(1)).default([]),
      /** Province-level units, as printed: an address ends with one (else it was cut or ran on); also phrases. */
      provinces: z.array(z.string().min(1)).default([]),
      /** Address unit words printed before a number ("hẻm 12", "Phường 14"); other words there are misreads. */
      numberedAddressWords: z.array(z.string().min(1)).default([]),
      /** Words that need a complement ("từ", "của", "năm"): a text or address ending with one was cut short. */
      danglingWords: z.array(z.string().min(1)).default([]),
      minWordConfidence: z.number().min(0).max(1).default(0),
      /** A word of a name, address or text this far below its value's median word confidence needs review (0: off). */
      confidenceDip: z.number().min(0).max(1).default(0),
      /**
       * A word of a name, address or text kept as OCR read it below this confidence, and read no surer elsewhere in
       * the dossier, needs review (0: off).
       */
      unsureWordConfidence: z.number().min(0).max(1).default(0),
    })
    .default({
      extraSyllables: [],
      abbreviations: [],
      documentSymbols: [],
      phrases: [],
      provinces: [],
      numberedAddressWords: [],
      danglingWords: [],
      minWordConfidence: 0,
      confidenceDip: 0,
      unsureWordConfidence: 0,
    }),
});

/**
 * `places.json`: real administrative units below the province and common street names, as printed; they restore
 * the marks OCR slips on place names (`place-names.ts`). Optional: a pack without it restores none.
 */
const placesSchema = z.strictObject({
  note: z.string().optional(),
  districts: z.array(z.string().min(1)).default([]),
  communes: z.array(z.string().min(1)).default([]),
  streets: z.array(z.string().min(1)).default([]),
});

export type FieldRule = z.infer<typeof fieldSchema>;
export type TypeRule = z.infer<typeof typeSchema>;
export type PackSettings = z.infer<typeof settingsSchema>;

export interface RulePack {
  version: string;
  settings: PackSettings;
  /** All component types, `khac` included, ordered by code. */
  types: TypeRule[];
  byCode: ReadonlyMap<string, TypeRule>;
  /** Listed place names (`places.json` and the provinces), as printed. */
  places: readonly string[];
}

/** File of the place-name list, beside the type files. */
export const PLACES_FILE = 'places.json';

export class RulePackError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`rule pack file ${file}: ${reason}`);
    this.name = 'RulePackError';
  }
}

export const DEFAULT_RULES_DIR = ['pipeline', 'recognize', 'rules'];

function readJson(dir: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (err) {
    throw new RulePackError(file, `cannot read JSON (${(err as Error).message})`);
  }
}

function parseWith<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    const reason = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new RulePackError(file, reason);
  }
  return r.data;
}

/** Reads and validates a rule pack folder (default: pipeline/recognize/rules under the package root). */
export function loadRulePack(dir: string = join(packageRoot(), ...DEFAULT_RULES_DIR)): RulePack {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch (err) {
    throw new RulePackError(dir, `cannot list folder (${(err as Error).message})`);
  }
  if (!files.includes('pack.json')) throw new RulePackError('pack.json', 'missing');
  const settings = parseWith(settingsSchema, readJson(dir, 'pack.json'), 'pack.json');
  const types = files
    .filter((f) => f !== 'pack.json' && f !== PLACES_FILE)
    .sort()
    .map((file) => {
      const t = parseWith(typeSchema, readJson(dir, file), file);
      if (`${t.code}.json` !== file) throw new RulePackError(file, `code "${t.code}" does not match the file name`);
      return t;
    });
  const byCode = new Map(types.map((t) => [t.code, t]));
  if (!byCode.has('khac')) throw new RulePackError('khac.json', 'missing: the fallback type is required');
  const listed = files.includes(PLACES_FILE)
    ? parseWith(placesSchema, readJson(dir, PLACES_FILE), PLACES_FILE)
    : { districts: [], communes: [], streets: [] };
  const places = [...settings.plausibility.provinces, ...listed.districts, ...listed.communes, ...listed.streets];
  return { version: settings.version, settings, types, byCode, places };
}
