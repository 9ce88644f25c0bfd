/** Human names of Ampeco connector types, by type in lower case; unknown types are shown as the API writes them. */
export const CONNECTOR_NAMES: Readonly<Record<string, string>> = {
  type1: 'Type 1',
  type2: 'Type 2',
  type3: 'Type 3',
  chademo: 'CHAdeMO',
  ccs1: 'CCS1',
  ccs2: 'CCS2',
  schuko: 'Schuko',
  nacs: 'NACS',
  cee16: 'CEE 16 A',
  cee32: 'CEE 32 A',
  j1772: 'J1772',
  inductive: 'Inductive',
  'nema-5-20': 'NEMA 5-20',
  'nema-6-30': 'NEMA 6-30',
  'nema-6-50': 'NEMA 6-50',
  'type-e-french': 'Type E',
  'type-g-british': 'Type G',
  'type-j-swiss': 'Type J',
  avcon: 'Avcon',
  'gb-t-ac': 'GB/T AC',
  'gb-t-dc': 'GB/T DC',
  chaoji: 'ChaoJi',
};

/** A connector type's human name (`ccs2` → `CCS2`); an unknown type as written. */
export const connectorName = (type: string): string => CONNECTOR_NAMES[type.toLowerCase()] ?? type;
