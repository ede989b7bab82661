/**
 * General-knowledge place names: countries (with their usual short forms), capital cities, continents and
 * world regions, US states and Canadian provinces, plus the adjectives and group nouns derived from them.
 * Only names an atlas index would list; nothing here is specific to any article. Keys are lower case.
 */

const COUNTRIES =
  'Afghanistan,Albania,Algeria,Andorra,Angola,Antigua and Barbuda,Argentina,Armenia,Australia,Austria,' +
  'Azerbaijan,Bahamas,Bahrain,Bangladesh,Barbados,Belarus,Belgium,Belize,Benin,Bhutan,Bolivia,' +
  'Bosnia and Herzegovina,Bosnia,Botswana,Brazil,Brunei,Bulgaria,Burkina Faso,Burundi,Cambodia,Cameroon,' +
  'Canada,Cape Verde,Central African Republic,Chad,Chile,China,Colombia,Comoros,Congo,Costa Rica,' +
  "Cote d'Ivoire,Ivory Coast,Croatia,Cuba,Cyprus,Czech Republic,Czechia,Denmark,Djibouti,Dominica," +
  'Dominican Republic,East Timor,Timor-Leste,Ecuador,Egypt,El Salvador,Equatorial Guinea,Eritrea,Estonia,' +
  'Eswatini,Swaziland,Ethiopia,Fiji,Finland,France,Gabon,Gambia,Georgia,Germany,Ghana,Greece,Grenada,' +
  'Guatemala,Guinea,Guinea-Bissau,Guyana,Haiti,Honduras,Hungary,Iceland,India,Indonesia,Iran,Iraq,Ireland,' +
  'Israel,Italy,Jamaica,Japan,Jordan,Kazakhstan,Kenya,Kiribati,Kosovo,Kuwait,Kyrgyzstan,Laos,Latvia,' +
  'Lebanon,Lesotho,Liberia,Libya,Liechtenstein,Lithuania,Luxembourg,Madagascar,Malawi,Malaysia,Maldives,' +
  'Mali,Malta,Marshall Islands,Mauritania,Mauritius,Mexico,Micronesia,Moldova,Monaco,Mongolia,Montenegro,' +
  'Morocco,Mozambique,Myanmar,Burma,Namibia,Nauru,Nepal,Netherlands,New Zealand,Nicaragua,Niger,Nigeria,' +
  'North Korea,North Macedonia,Macedonia,Norway,Oman,Pakistan,Palau,Palestine,Panama,Papua New Guinea,' +
  'Paraguay,Peru,Philippines,Poland,Portugal,Qatar,Romania,Russia,Rwanda,Saint Lucia,Samoa,San Marino,' +
  'Saudi Arabia,Senegal,Serbia,Seychelles,Sierra Leone,Singapore,Slovakia,Slovenia,Solomon Islands,Somalia,' +
  'South Africa,South Korea,Korea,South Sudan,Spain,Sri Lanka,Sudan,Suriname,Sweden,Switzerland,Syria,' +
  'Taiwan,Tajikistan,Tanzania,Thailand,Togo,Tonga,Trinidad and Tobago,Tunisia,Turkey,Turkmenistan,Tuvalu,' +
  'Uganda,Ukraine,United Arab Emirates,UAE,United Kingdom,UK,U.K.,Britain,Great Britain,England,Scotland,' +
  'Wales,Northern Ireland,United States,United States of America,US,U.S.,USA,U.S.A.,America,Uruguay,' +
  'Uzbekistan,Vanuatu,Vatican,Venezuela,Vietnam,Yemen,Zambia,Zimbabwe,Greenland,Hong Kong,Macau,Puerto Rico';

const CAPITALS =
  'Kabul,Tirana,Algiers,Luanda,Buenos Aires,Yerevan,Canberra,Vienna,Baku,Nassau,Manama,Dhaka,Minsk,Brussels,' +
  'Thimphu,La Paz,Sucre,Sarajevo,Gaborone,Brasilia,Sofia,Ouagadougou,Phnom Penh,Yaounde,Ottawa,Santiago,' +
  'Beijing,Bogota,Kinshasa,Brazzaville,San Jose,Zagreb,Havana,Nicosia,Prague,Copenhagen,Quito,Cairo,Asmara,' +
  'Tallinn,Addis Ababa,Helsinki,Paris,Libreville,Banjul,Tbilisi,Berlin,Accra,Athens,Guatemala City,Conakry,' +
  'Georgetown,Port-au-Prince,Tegucigalpa,Budapest,Reykjavik,New Delhi,Delhi,Jakarta,Tehran,Baghdad,Dublin,' +
  'Jerusalem,Rome,Kingston,Tokyo,Amman,Astana,Nairobi,Pristina,Kuwait City,Bishkek,Vientiane,Riga,Beirut,' +
  'Maseru,Monrovia,Tripoli,Vilnius,Antananarivo,Lilongwe,Kuala Lumpur,Bamako,Valletta,Nouakchott,' +
  'Mexico City,Chisinau,Ulaanbaatar,Podgorica,Rabat,Maputo,Naypyidaw,Windhoek,Kathmandu,Amsterdam,' +
  'The Hague,Wellington,Managua,Niamey,Abuja,Pyongyang,Skopje,Oslo,Muscat,Islamabad,Panama City,' +
  'Port Moresby,Asuncion,Lima,Manila,Warsaw,Lisbon,Doha,Bucharest,Moscow,Kigali,Riyadh,Dakar,Belgrade,' +
  'Freetown,Bratislava,Ljubljana,Mogadishu,Pretoria,Cape Town,Seoul,Juba,Madrid,Colombo,Khartoum,' +
  'Paramaribo,Stockholm,Bern,Damascus,Taipei,Dushanbe,Dodoma,Bangkok,Lome,Tunis,Ankara,Ashgabat,Kampala,' +
  'Kyiv,Kiev,Abu Dhabi,London,Washington,Washington DC,Washington D.C.,Montevideo,Tashkent,Caracas,Hanoi,' +
  "Sanaa,Lusaka,Harare,Edinburgh,Cardiff,Belfast,Ramallah,Gaza,Vatican City,Luxembourg City,Monaco,N'Djamena";

const REGIONS =
  'Africa,Asia,Europe,North America,South America,Latin America,Central America,Oceania,Antarctica,Arctic,' +
  'Middle East,Near East,Far East,Caribbean,Balkans,Baltics,Scandinavia,Caucasus,Central Asia,' +
  'Southeast Asia,South Asia,East Asia,West Africa,East Africa,North Africa,Southern Africa,' +
  'sub-Saharan Africa,Sub-Saharan Africa,Horn of Africa,Sahel,Maghreb,Gulf,Persian Gulf,Mediterranean,' +
  'Pacific,Atlantic,Indian Ocean,Siberia,Kashmir,Kurdistan,Crimea,Donbas,West Bank,Gaza Strip,' +
  'Golan Heights,Sinai,Tibet,Xinjiang,Patagonia,Amazon,Western Europe,Eastern Europe,Central Europe,' +
  'Northern Europe,Southern Europe,Europe,Eurasia,Anatolia,Levant,Arabian Peninsula,Korean Peninsula,' +
  'West,East,North,South,Midwest,Global South';

const SUBNATIONAL =
  'Alabama,Alaska,Arizona,Arkansas,California,Colorado,Connecticut,Delaware,Florida,Hawaii,Idaho,Illinois,' +
  'Indiana,Iowa,Kansas,Kentucky,Louisiana,Maine,Maryland,Massachusetts,Michigan,Minnesota,Mississippi,' +
  'Missouri,Montana,Nebraska,Nevada,New Hampshire,New Jersey,New Mexico,New York,North Carolina,' +
  'North Dakota,Ohio,Oklahoma,Oregon,Pennsylvania,Rhode Island,South Carolina,South Dakota,Tennessee,Texas,' +
  'Utah,Vermont,Virginia,West Virginia,Wisconsin,Wyoming,Ontario,Quebec,British Columbia,Alberta,Manitoba,' +
  'Saskatchewan,Nova Scotia,New Brunswick,Newfoundland,Queensland,New South Wales,Victoria,Tasmania,' +
  'Western Australia,South Australia,Bavaria,Catalonia,Flanders,Wallonia,Sicily,Sardinia,Corsica,Tuscany';

/** Nationality and region adjectives, group nouns, languages and faiths: they qualify entities, they are not ones. */
const DEMONYM_LIST =
  'Afghan,Albanian,Algerian,American,Angolan,Argentine,Argentinian,Armenian,Australian,Austrian,' +
  'Azerbaijani,Azeri,Bahraini,Bangladeshi,Belarusian,Belgian,Bolivian,Bosnian,Brazilian,British,Briton,' +
  'Bulgarian,Burmese,Cambodian,Cameroonian,Canadian,Chadian,Chilean,Chinese,Colombian,Congolese,Croatian,' +
  'Cuban,Cypriot,Czech,Danish,Dane,Dutch,Dutchman,Ecuadorian,Egyptian,Emirati,English,Englishman,Eritrean,' +
  'Estonian,Ethiopian,Fijian,Filipino,Finnish,Finn,French,Frenchman,Georgian,German,Ghanaian,Greek,' +
  'Guatemalan,Haitian,Honduran,Hungarian,Icelandic,Indian,Indonesian,Iranian,Iraqi,Irish,Irishman,Israeli,' +
  'Italian,Jamaican,Japanese,Jordanian,Kazakh,Kenyan,Korean,Kosovar,Kuwaiti,Kyrgyz,Lao,Latvian,Lebanese,' +
  'Liberian,Libyan,Lithuanian,Macedonian,Malagasy,Malaysian,Malian,Maltese,Mexican,Moldovan,Mongolian,' +
  'Montenegrin,Moroccan,Mozambican,Namibian,Nepalese,Nepali,Nicaraguan,Nigerian,Nigerien,Norwegian,Omani,' +
  'Pakistani,Palestinian,Panamanian,Paraguayan,Peruvian,Polish,Pole,Portuguese,Qatari,Romanian,Russian,' +
  'Rwandan,Saudi,Scottish,Scot,Scots,Scotsman,Senegalese,Serb,Serbian,Singaporean,Slovak,Slovenian,Somali,' +
  'Spanish,Spaniard,Sri Lankan,Sudanese,Swedish,Swede,Swiss,Syrian,Taiwanese,Tajik,Tanzanian,Thai,' +
  'Tunisian,Turkish,Turk,Turkmen,Ugandan,Ukrainian,Uruguayan,Uzbek,Venezuelan,Vietnamese,Welsh,Welshman,' +
  'Yemeni,Zambian,Zimbabwean,African,Asian,European,Arab,Arabian,Latin,Caribbean,Nordic,Baltic,Balkan,' +
  'Caucasian,Kurdish,Kurd,Persian,Slavic,Anglo,Western,Eastern,Northern,Southern,Soviet,Ottoman,Gulf,' +
  'Scandinavian,Mediterranean,Pacific,Atlantic,Siberian,Tibetan,Crimean,Sunni,Shia,Shiite,Muslim,' +
  'Islamic,Islamist,Christian,Catholic,Protestant,Orthodox,Jewish,Jew,Hindu,Buddhist,Sikh,Mormon,' +
  'Evangelical,Arabic,Hebrew,Farsi,Urdu,Hindi,Bengali,Mandarin,Cantonese,Swahili,Yiddish,Latino,Hispanic,' +
  'Aboriginal,Indigenous,Republican,Democratic,Communist,Socialist,Conservative,Liberal,Labour,Muslims,' +
  'Christians,Catholics,Protestants,Jews,Hindus,Buddhists,Sikhs,Arabs,Kurds,Europeans,Africans,Asians,' +
  'Americans,Britons,Israelis,Palestinians,Russians,Iranians,Iraqis,Syrians,Afghans,Pakistanis,Indians,' +
  'Chinese,Germans,Italians,Greeks,Turks,Armenians,Azerbaijanis,Azeris,Georgians,Ukrainians,Canadians,' +
  'Australians,Mexicans,Brazilians,Egyptians,Saudis,Lebanese,Jordanians,Yemenis,Libyans,Nigerians,' +
  'Kenyans,Somalis,Sudanese,Serbs,Croats,Bosnians,Albanians,Poles,Czechs,Hungarians,Romanians,Bulgarians,' +
  'Swedes,Norwegians,Danes,Finns,Scots,Welsh,Irish,Spaniards,Latinos,Westerners,Europeans';

function toSet(list: string): Set<string> {
  return new Set(
    list
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** Countries, capitals, regions and states (lower case): a run equal to one of these is a place. */
export const PLACE_NAMES: ReadonlySet<string> = new Set([
  ...toSet(COUNTRIES),
  ...toSet(CAPITALS),
  ...toSet(REGIONS),
  ...toSet(SUBNATIONAL),
]);

/** Nationality/region adjectives and group nouns, languages and faiths (lower case). */
export const DEMONYMS: ReadonlySet<string> = toSet(DEMONYM_LIST);

/** Other names of the same country, keyed to one of them: mentions under any of them count together. */
export const SAME_PLACE: ReadonlyMap<string, string> = new Map(
  [
    ['us', 'u.s.', 'usa', 'u.s.a.', 'united states', 'united states of america', 'america'],
    ['uk', 'u.k.', 'britain', 'great britain', 'united kingdom'],
    ['uae', 'united arab emirates'],
    ['czech republic', 'czechia'],
    ['ivory coast', "cote d'ivoire"],
    ['east timor', 'timor-leste'],
    ['myanmar', 'burma'],
    ['eswatini', 'swaziland'],
    ['kyiv', 'kiev'],
  ].flatMap((names) => names.map((n) => [n, names[0] ?? n] as [string, string])),
);
