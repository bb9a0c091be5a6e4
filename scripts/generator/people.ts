// Consistent fictional people and addresses: the ID number agrees with the birth date, sex and birth province.
import { randomDate } from './dates.js';
import { makePersonalId, type Sex } from './identity-numbers.js';
import type { Rng } from './prng.js';
import {
  FAMILY_NAMES,
  GIVEN_FEMALE,
  GIVEN_MALE,
  MIDDLE_FEMALE,
  MIDDLE_MALE,
  PROVINCES,
  type Province,
  STREETS,
  VILLAGES,
} from './vn-data.js';

export interface Address {
  /** Full form with unit words, smallest unit first. */
  full: string;
  /** Card form: unit words dropped from commune/district, bare province name. */
  card: string;
  province: Province;
}

export interface Person {
  /** Name as printed in mixed case; truth uses its upper-case form. */
  name: string;
  sex: Sex;
  birthDate: string;
  birthProvince: Province;
  id: string;
  hometown: Address;
  residence: Address;
}

const UNIT_WORD = /^(thành phố|thị trấn|thị xã|quận|huyện|phường|xã|tỉnh)\s+/i;

export function randomAddress(rng: Rng, province: Province = rng.pick(PROVINCES)): Address {
  const district = rng.pick(province.districts);
  const commune = rng.pick(district.communes);
  const urban = /^(phường|Phường)/.test(commune);
  const street = urban ? `Số ${rng.int(1, 250)}, ${rng.pick(STREETS)}` : rng.pick(VILLAGES);
  const full = `${street}, ${commune}, ${district.name}, ${province.name}`;
  const strip = (s: string) => (/^Phường \d+$/.test(s) || /^Quận \d+$/.test(s) ? s : s.replace(UNIT_WORD, ''));
  const card = `${street}, ${strip(commune)}, ${strip(district.name)}, ${province.short}`;
  return { full, card, province };
}

export function randomName(rng: Rng, sex: Sex): string {
  const family = rng.pick(FAMILY_NAMES);
  const middle = sex === 'Nam' ? rng.pick(MIDDLE_MALE) : rng.pick(MIDDLE_FEMALE);
  const given = sex === 'Nam' ? rng.pick(GIVEN_MALE) : rng.pick(GIVEN_FEMALE);
  // Some people carry two middle names (e.g. "Nguyễn Thị Hồng Nhung").
  const second = rng.chance(0.2) ? ` ${sex === 'Nam' ? rng.pick(MIDDLE_MALE) : rng.pick(MIDDLE_FEMALE)}` : '';
  return `${family} ${middle}${second === ` ${middle}` ? '' : second} ${given}`;
}

export function randomPerson(rng: Rng, options: { sex?: Sex; fromYear?: number; toYear?: number } = {}): Person {
  const sex = options.sex ?? (rng.chance(0.5) ? 'Nam' : 'Nữ');
  const birthDate = randomDate(rng, options.fromYear ?? 1950, options.toYear ?? 2004);
  const birthProvince = rng.pick(PROVINCES);
  const hometown = randomAddress(rng, birthProvince);
  const residence = rng.chance(0.6) ? randomAddress(rng, birthProvince) : randomAddress(rng);
  return {
    name: randomName(rng, sex),
    sex,
    birthDate,
    birthProvince,
    id: makePersonalId(rng, birthProvince.code, Number(birthDate.slice(0, 4)), sex),
    hometown,
    residence,
  };
}

/** Truth form of a person name: NFC upper case, single spaces. */
export function upperName(name: string): string {
  return name.normalize('NFC').toLocaleUpperCase('vi').replace(/\s+/g, ' ').trim();
}
