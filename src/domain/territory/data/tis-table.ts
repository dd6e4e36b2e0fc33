/**
 * CISAC TIS territory table, current state only (compact).
 *
 * Provenance: CISAC TIS (ISTIS-0184a territory list, TIS09-1540c hierarchies) as mirrored in the MIT-licensed
 * CSVs of musicmetadata/territories (`list.csv`, `tree.csv`), cross-checked with standards.md §4.9 and
 * royalties.md §5. Countries use their ISO 3166-1 numeric code as TIS-N and alpha-2 as TIS-A.
 *
 * Simplifications (say so before relying on them):
 * - No historical codes (280 West Germany, 810 USSR, 890 Yugoslavia, 230 Ethiopia, 736 Sudan...) and no
 *   validity dates: every code and membership is the one in force today.
 * - Memberships the TIS hierarchy (2009) dates are brought up to date: 2123 European Union is the 27
 *   members since 2020-02-01 (Croatia in, United Kingdom out); 2121 EEA is those 27 plus IS, LI, NO;
 *   2114/2115 Commonwealth without Zimbabwe (left 2003), 2116 without Hong Kong (1997), 2118 CIS without
 *   Georgia (2009).
 * - ISO territories that TIS folds into France (0250 includes the overseas departments; it excludes
 *   French Polynesia 258 and New Caledonia 540) are accepted as aliases of FR: GP, MQ, GF, RE, YT.
 * - Group 2135 does not exist in TIS; groups 2100–2134 and 2136 are all here.
 */

/** TIS-N (3 digits, ISO numeric) followed by ISO alpha-2, one per current TIS country. */
export const TIS_COUNTRIES = `
004AF 008AL 012DZ 020AD 024AO 028AG 031AZ 032AR 036AU 040AT 044BS 048BH 050BD 051AM 052BB 056BE 064BT
068BO 070BA 072BW 076BR 084BZ 090SB 096BN 100BG 104MM 108BI 112BY 116KH 120CM 124CA 132CV 140CF 144LK
148TD 152CL 156CN 158TW 170CO 174KM 178CG 180CD 188CR 191HR 192CU 196CY 203CZ 204BJ 208DK 212DM 214DO
218EC 222SV 226GQ 231ET 232ER 233EE 242FJ 246FI 250FR 258PF 262DJ 266GA 268GE 270GM 276DE 288GH 296KI
300GR 308GD 320GT 324GN 328GY 332HT 336VA 340HN 344HK 348HU 352IS 356IN 360ID 364IR 368IQ 372IE 376IL
380IT 384CI 388JM 392JP 398KZ 400JO 404KE 408KP 410KR 414KW 417KG 418LA 422LB 426LS 428LV 430LR 434LY
438LI 440LT 442LU 446MO 450MG 454MW 458MY 462MV 466ML 470MT 478MR 480MU 484MX 492MC 496MN 498MD 499ME
504MA 508MZ 512OM 516NA 520NR 524NP 528NL 540NC 548VU 554NZ 558NI 562NE 566NG 578NO 583FM 584MH 585PW
586PK 591PA 598PG 600PY 604PE 608PH 616PL 620PT 624GW 626TL 630PR 634QA 642RO 643RU 646RW 659KN 662LC
670VC 674SM 678ST 682SA 686SN 688RS 690SC 694SL 702SG 703SK 704VN 705SI 706SO 710ZA 716ZW 724ES 728SS
729SD 732EH 740SR 748SZ 752SE 756CH 760SY 762TJ 764TH 768TG 776TO 780TT 784AE 788TN 792TR 795TM 798TV
800UG 804UA 807MK 818EG 826GB 834TZ 840US 854BF 858UY 860UZ 862VE 882WS 887YE 894ZM
`;

/** ISO alpha-2 codes that TIS counts inside another TIS country (see the header). */
export const ISO_ALIASES: Readonly<Record<string, string>> = {
  GP: 'FR',
  MQ: 'FR',
  GF: 'FR',
  RE: 'FR',
  YT: 'FR',
};

/** A TIS group: its English name and its direct members (ISO alpha-2 for countries, TIS-N for groups). */
export interface TisGroup {
  readonly name: string;
  readonly members: string;
}

const EU27 = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE';

/** TIS-N group codes (2100–2136) with their direct members, space-separated. */
export const TIS_GROUPS: Readonly<Record<string, TisGroup>> = {
  '2100': {
    name: 'Africa',
    members:
      'AO BW BI CM CV CF TD KM CG CD BJ GQ ET ER DJ GA GM GH GN CI KE LS LR MG MW ML MR MU MZ NA NE NG GW RW ST SN SC SL SO ZA ZW SS SD EH SZ TG UG TZ BF ZM 2128',
  },
  '2101': { name: 'America', members: '2102 2134' },
  '2102': { name: 'American Continent', members: '2113 2129 2132' },
  '2103': { name: 'Antilles', members: 'AG BB CU DM DO GD HT JM PR KN LC VC TT' },
  '2104': {
    name: 'APEC Countries',
    members: 'AU BN CA CL CN TW HK ID JP KR MO MY MX NZ PG PE PH PR RU SG VN TH US',
  },
  '2105': { name: 'ASEAN Countries', members: 'BN MM KH ID LA MY PH SG VN TH' },
  '2106': { name: 'Asia', members: 'AZ AM CN TW CY GE HK IL JP KZ KP KR KG LB MO SY TJ TR TM UZ 2125 2133' },
  '2107': { name: 'Australasia', members: 'AU SB FJ NC VU NZ' },
  '2108': { name: 'Balkans', members: 'AL BA BG HR GR ME RO RS SI MK' },
  '2109': { name: 'Baltic States', members: 'EE LV LT' },
  '2110': { name: 'Benelux', members: 'BE LU NL' },
  '2111': { name: 'British Isles', members: 'IE GB' },
  '2112': { name: 'British West Indies', members: 'AG BS BB DM GD JM KN LC VC TT' },
  '2113': { name: 'Central America', members: 'BZ CR SV GT HN NI PA' },
  '2114': {
    name: 'Commonwealth',
    members: 'AG BS BB BZ CA DM KI GD GY JM MT NR PG KN LC VC TO TT TV GB WS 2115 2116 2117',
  },
  '2115': {
    name: 'Commonwealth African Territories',
    members: 'BW CM GM GH KE LS MW MU MZ NA NG SC SL ZA SZ UG TZ ZM',
  },
  '2116': { name: 'Commonwealth Asian Territories', members: 'BD BN LK CY IN MY MV PK SG' },
  '2117': { name: 'Commonwealth Australasian Territories', members: 'AU SB FJ VU NZ' },
  '2118': { name: 'Commonwealth of Independent States', members: 'AZ AM BY KZ KG MD RU TJ TM UA UZ' },
  '2119': { name: 'Eastern Europe', members: 'AL BG BY CZ EE HU LV LT MD PL RO RU SK UA' },
  '2120': { name: 'Europe', members: 'IS MT 2111 2122' },
  '2121': { name: 'European Economic Area', members: `${EU27} IS LI NO` },
  '2122': {
    name: 'European Continent',
    members: 'AD AT BE BA HR FI FR DE GR VA IT LI LU MC ME NL PT SM RS SI ES CH MK 2119 2131',
  },
  '2123': { name: 'European Union', members: EU27 },
  '2124': { name: 'GSA Countries', members: 'AT DE CH' },
  '2125': { name: 'Middle East', members: 'AF BH BD BT LK IN IR IQ JO KW MV MN OM NP PK QA SA AE YE' },
  '2126': { name: 'NAFTA Countries', members: 'CA MX PR US' },
  '2127': { name: 'Nordic Countries', members: 'DK FI IS NO SE' },
  '2128': { name: 'North Africa', members: 'DZ LY MA TN EG' },
  '2129': { name: 'North America', members: 'CA MX US' },
  '2130': { name: 'Oceania', members: 'PF KI NR FM MH PW PG TO TV WS 2107' },
  '2131': { name: 'Scandinavia', members: 'DK NO SE' },
  '2132': { name: 'South America', members: 'AR BO BR CL CO EC GY PY PE SR UY VE' },
  '2133': { name: 'South East Asia', members: 'BN MM KH ID LA MY PH TL SG VN TH' },
  '2134': { name: 'West Indies', members: 'BS 2103' },
  '2136': { name: 'World', members: '2100 2101 2106 2120 2130' },
};
