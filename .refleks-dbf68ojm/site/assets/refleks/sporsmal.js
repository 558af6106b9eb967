window.REFLEKS_SELVSTUDIUM = {
 "nettsted": "Refleks – læring om pasientsikkerhet",
 "tittel": "Refleks – læring om pasientsikkerhet",
 "journalside": "mine-refleksjoner.html",
 "roller": [
  {
   "id": "leder-gjennomgang",
   "navn": "Leder av gjennomgangen",
   "tiltale": "Til deg som skal lede en gjennomgang"
  },
  {
   "id": "leder-virksomhet",
   "navn": "Leder i virksomheten",
   "tiltale": "Til deg som er leder i virksomheten"
  },
  {
   "id": "leder-overordnet",
   "navn": "Overordnet leder",
   "tiltale": "Til deg som er overordnet leder i virksomheten"
  },
  {
   "id": "leder-enhet",
   "navn": "Leder for enheten",
   "tiltale": "Til deg som er nærmeste leder for medarbeiderne i en enhet eller avdeling"
  },
  {
   "id": "kollega",
   "navn": "Kollega",
   "tiltale": "Til deg som er kollega i en enhet eller et team"
  },
  {
   "id": "kollegastotte",
   "navn": "Kollegastøtte",
   "tiltale": "Til deg som er kollegastøtte eller støtteperson i en kollegastøtteordning"
  }
 ],
 "sett": {
  "kollegastotte": {
   "tittel": "Refleksjon om ivaretakelse og kollegastøtte etter uønskede hendelser",
   "kilde": "F25: Knust – hvordan ivareta helsepersonell etter uønskede hendelser? (Helsedirektoratet, Ukom, LEFO og RVTS Øst)",
   "side": "refleksjon/kollegastotte/index.html",
   "skrevetForRefleks": true
  },
  "systemperspektiv": {
   "tittel": "Refleksjon om gjennomganger med systemperspektiv",
   "kilde": "Systemperspektiv i gjennomganger av alvorlige uønskede hendelser (Ukom)",
   "side": "refleksjon/systemperspektiv/index.html",
   "skrevetForRefleks": false
  }
 },
 "sporsmal": {
  "kollegastotte/kultur-og-ledelse/leder-overordnet/1": {
   "tekst": "Hvordan viser vi i ledelsen at det er normalt og akseptert at helsepersonell trenger støtte etter uønskede hendelser?",
   "sett": "kollegastotte",
   "tema": "1. Ledelse og kultur som grunnmur",
   "temaside": "refleksjon/kollegastotte/kultur-og-ledelse.html",
   "rolle": "leder-overordnet"
  },
  "kollegastotte/kultur-og-ledelse/leder-overordnet/2": {
   "tekst": "Hvordan sikrer vi at alle ansatte som trenger støtte, har lik tilgang til den – uansett yrkesgruppe, enhet og arbeidstid?",
   "sett": "kollegastotte",
   "tema": "1. Ledelse og kultur som grunnmur",
   "temaside": "refleksjon/kollegastotte/kultur-og-ledelse.html",
   "rolle": "leder-overordnet"
  },
  "kollegastotte/kultur-og-ledelse/leder-enhet/1": {
   "tekst": "Hva gjør jeg i hverdagen som viser medarbeiderne at det er trygt å si fra når noe har gått galt, og trygt å si at de har det vanskelig?",
   "sett": "kollegastotte",
   "tema": "1. Ledelse og kultur som grunnmur",
   "temaside": "refleksjon/kollegastotte/kultur-og-ledelse.html",
   "rolle": "leder-enhet"
  },
  "kollegastotte/kultur-og-ledelse/leder-enhet/2": {
   "tekst": "Hvordan kan jeg legge merke til tegn på moralsk stress, søvnvansker eller utbrenthet i teamet før det blir alvorlig?",
   "sett": "kollegastotte",
   "tema": "1. Ledelse og kultur som grunnmur",
   "temaside": "refleksjon/kollegastotte/kultur-og-ledelse.html",
   "rolle": "leder-enhet"
  },
  "kollegastotte/kultur-og-ledelse/kollega/1": {
   "tekst": "Hva i kulturen vår gjør det lett – eller vanskelig – å snakke om hendelser som har gjort inntrykk?",
   "sett": "kollegastotte",
   "tema": "1. Ledelse og kultur som grunnmur",
   "temaside": "refleksjon/kollegastotte/kultur-og-ledelse.html",
   "rolle": "kollega"
  },
  "kollegastotte/forberedelse/leder-enhet/1": {
   "tekst": "Hvordan sørger jeg for at alle i enheten, også nyansatte og vikarer, vet hvilke reaksjoner som er vanlige etter en uønsket hendelse?",
   "sett": "kollegastotte",
   "tema": "2. Før hendelsen – åpenhet og forberedelse",
   "temaside": "refleksjon/kollegastotte/forberedelse.html",
   "rolle": "leder-enhet"
  },
  "kollegastotte/forberedelse/leder-enhet/2": {
   "tekst": "Hvilke situasjoner og grupper hos oss har særlig høy risiko, og hvordan kan vi tilby støtte før noen ber om det?",
   "sett": "kollegastotte",
   "tema": "2. Før hendelsen – åpenhet og forberedelse",
   "temaside": "refleksjon/kollegastotte/forberedelse.html",
   "rolle": "leder-enhet"
  },
  "kollegastotte/forberedelse/kollega/1": {
   "tekst": "Vet jeg hvem jeg kan gå til hvis jeg selv blir involvert i en uønsket hendelse?",
   "sett": "kollegastotte",
   "tema": "2. Før hendelsen – åpenhet og forberedelse",
   "temaside": "refleksjon/kollegastotte/forberedelse.html",
   "rolle": "kollega"
  },
  "kollegastotte/forberedelse/kollega/2": {
   "tekst": "Hvordan kan vi som kolleger snakke om feil og hendelser slik at ingen står alene med dem?",
   "sett": "kollegastotte",
   "tema": "2. Før hendelsen – åpenhet og forberedelse",
   "temaside": "refleksjon/kollegastotte/forberedelse.html",
   "rolle": "kollega"
  },
  "kollegastotte/rett-etter/leder-enhet/1": {
   "tekst": "Hva skjer i praksis i enheten vår den første timen og det første døgnet etter en alvorlig hendelse – og hvem tar ansvar for den som var involvert?",
   "sett": "kollegastotte",
   "tema": "3. Rett etter hendelsen – umiddelbar ivaretakelse",
   "temaside": "refleksjon/kollegastotte/rett-etter.html",
   "rolle": "leder-enhet"
  },
  "kollegastotte/rett-etter/leder-enhet/2": {
   "tekst": "Hvordan kan jeg gjøre det mulig for en medarbeider å komme seg ut av avdelingen og snakke, også midt i en travel vakt?",
   "sett": "kollegastotte",
   "tema": "3. Rett etter hendelsen – umiddelbar ivaretakelse",
   "temaside": "refleksjon/kollegastotte/rett-etter.html",
   "rolle": "leder-enhet"
  },
  "kollegastotte/rett-etter/kollega/1": {
   "tekst": "Hvordan kan jeg vise en kollega at jeg har tillit til henne eller ham etter en hendelse, uten å bagatellisere det som skjedde?",
   "sett": "kollegastotte",
   "tema": "3. Rett etter hendelsen – umiddelbar ivaretakelse",
   "temaside": "refleksjon/kollegastotte/rett-etter.html",
   "rolle": "kollega"
  },
  "kollegastotte/rett-etter/kollega/2": {
   "tekst": "Hvilken praktisk hjelp kan jeg gi en kollega resten av vakten?",
   "sett": "kollegastotte",
   "tema": "3. Rett etter hendelsen – umiddelbar ivaretakelse",
   "temaside": "refleksjon/kollegastotte/rett-etter.html",
   "rolle": "kollega"
  },
  "kollegastotte/rett-etter/kollegastotte/1": {
   "tekst": "Hvordan gjør jeg det tydelig for kollegaen at jeg har en hjelperrolle, og at hun eller han kan ta kontakt igjen senere?",
   "sett": "kollegastotte",
   "tema": "3. Rett etter hendelsen – umiddelbar ivaretakelse",
   "temaside": "refleksjon/kollegastotte/rett-etter.html",
   "rolle": "kollegastotte"
  },
  "kollegastotte/rett-etter/kollegastotte/2": {
   "tekst": "Hvordan lytter jeg uten å vurdere eller granske det som skjedde?",
   "sett": "kollegastotte",
   "tema": "3. Rett etter hendelsen – umiddelbar ivaretakelse",
   "temaside": "refleksjon/kollegastotte/rett-etter.html",
   "rolle": "kollegastotte"
  },
  "kollegastotte/oppfolging/leder-gjennomgang/1": {
   "tekst": "Hvordan intervjuer jeg de involverte på en støttende og ivaretakende måte?",
   "sett": "kollegastotte",
   "tema": "4. Oppfølging over tid og ivaretakende gjennomganger",
   "temaside": "refleksjon/kollegastotte/oppfolging.html",
   "rolle": "leder-gjennomgang"
  },
  "kollegastotte/oppfolging/leder-gjennomgang/2": {
   "tekst": "Hvordan holder vi rollene som støtteperson og som den som undersøker hendelsen, fra hverandre?",
   "sett": "kollegastotte",
   "tema": "4. Oppfølging over tid og ivaretakende gjennomganger",
   "temaside": "refleksjon/kollegastotte/oppfolging.html",
   "rolle": "leder-gjennomgang"
  },
  "kollegastotte/oppfolging/leder-enhet/1": {
   "tekst": "Hvordan følger jeg opp en medarbeider i ukene og månedene etter en hendelse, og når bør jeg tilby profesjonell hjelp?",
   "sett": "kollegastotte",
   "tema": "4. Oppfølging over tid og ivaretakende gjennomganger",
   "temaside": "refleksjon/kollegastotte/oppfolging.html",
   "rolle": "leder-enhet"
  },
  "kollegastotte/oppfolging/leder-enhet/2": {
   "tekst": "Hvordan får de involverte vite hva som skjer i gjennomgangen, og hvordan kan de være med i læringen og forbedringen etterpå?",
   "sett": "kollegastotte",
   "tema": "4. Oppfølging over tid og ivaretakende gjennomganger",
   "temaside": "refleksjon/kollegastotte/oppfolging.html",
   "rolle": "leder-enhet"
  },
  "kollegastotte/oppfolging/kollega/1": {
   "tekst": "Hvordan kan jeg fortsette å støtte en kollega etter at de første dagene er over?",
   "sett": "kollegastotte",
   "tema": "4. Oppfølging over tid og ivaretakende gjennomganger",
   "temaside": "refleksjon/kollegastotte/oppfolging.html",
   "rolle": "kollega"
  },
  "kollegastotte/kollegastotteordning/leder-overordnet/1": {
   "tekst": "Hvordan er kollegastøtte forankret i organisasjonen vår, og har alle yrkesgrupper et tilbud?",
   "sett": "kollegastotte",
   "tema": "5. En kollegastøtteordning hos oss",
   "temaside": "refleksjon/kollegastotte/kollegastotteordning.html",
   "rolle": "leder-overordnet"
  },
  "kollegastotte/kollegastotteordning/leder-overordnet/2": {
   "tekst": "Hvilke ressurser, opplæring og kompensasjon får de som er kollegastøtter?",
   "sett": "kollegastotte",
   "tema": "5. En kollegastøtteordning hos oss",
   "temaside": "refleksjon/kollegastotte/kollegastotteordning.html",
   "rolle": "leder-overordnet"
  },
  "kollegastotte/kollegastotteordning/leder-enhet/1": {
   "tekst": "Hvordan informerer vi jevnlig om ordningen, slik at terskelen for å bruke den blir lav?",
   "sett": "kollegastotte",
   "tema": "5. En kollegastøtteordning hos oss",
   "temaside": "refleksjon/kollegastotte/kollegastotteordning.html",
   "rolle": "leder-enhet"
  },
  "kollegastotte/kollegastotteordning/leder-enhet/2": {
   "tekst": "Hvordan velger vi ut kollegastøtter, og hvordan følger vi dem opp?",
   "sett": "kollegastotte",
   "tema": "5. En kollegastøtteordning hos oss",
   "temaside": "refleksjon/kollegastotte/kollegastotteordning.html",
   "rolle": "leder-enhet"
  },
  "kollegastotte/kollegastotteordning/kollegastotte/1": {
   "tekst": "Hvilken opplæring og hvilken støtte trenger jeg selv for å kunne være kollegastøtte over tid?",
   "sett": "kollegastotte",
   "tema": "5. En kollegastøtteordning hos oss",
   "temaside": "refleksjon/kollegastotte/kollegastotteordning.html",
   "rolle": "kollegastotte"
  },
  "kollegastotte/kollegastotteordning/kollegastotte/2": {
   "tekst": "Hvordan ivaretar jeg taushetsplikt og konfidensialitet i samtalene?",
   "sett": "kollegastotte",
   "tema": "5. En kollegastøtteordning hos oss",
   "temaside": "refleksjon/kollegastotte/kollegastotteordning.html",
   "rolle": "kollegastotte"
  },
  "kollegastotte/hverdagen/leder-enhet/1": {
   "tekst": "Hvilke hverdagssituasjoner hos oss gir moralsk stress, og hvordan kan vi snakke om dem i teamet?",
   "sett": "kollegastotte",
   "tema": "6. Ikke bare etter alvorlige hendelser",
   "temaside": "refleksjon/kollegastotte/hverdagen.html",
   "rolle": "leder-enhet"
  },
  "kollegastotte/hverdagen/kollega/1": {
   "tekst": "Når ga jeg sist en kollega en positiv tilbakemelding eller anerkjennelse for en vanskelig jobb?",
   "sett": "kollegastotte",
   "tema": "6. Ikke bare etter alvorlige hendelser",
   "temaside": "refleksjon/kollegastotte/hverdagen.html",
   "rolle": "kollega"
  },
  "kollegastotte/hverdagen/kollega/2": {
   "tekst": "Hva kan vi gjøre for å bygge tillit, trygghet og samhold i teamet vårt?",
   "sett": "kollegastotte",
   "tema": "6. Ikke bare etter alvorlige hendelser",
   "temaside": "refleksjon/kollegastotte/hverdagen.html",
   "rolle": "kollega"
  },
  "kollegastotte/hverdagen/kollegastotte/1": {
   "tekst": "Hvordan kan jeg være tilgjengelig for kolleger også når det ikke har skjedd en alvorlig hendelse?",
   "sett": "kollegastotte",
   "tema": "6. Ikke bare etter alvorlige hendelser",
   "temaside": "refleksjon/kollegastotte/hverdagen.html",
   "rolle": "kollegastotte"
  },
  "systemperspektiv/ledelse/leder-gjennomgang/1": {
   "tekst": "Hvor får jeg støtte og verktøy til å lede gjennomgangen med et systemperspektiv?",
   "sett": "systemperspektiv",
   "tema": "1. Ledelse av gjennomganger",
   "temaside": "refleksjon/systemperspektiv/ledelse.html",
   "rolle": "leder-gjennomgang"
  },
  "systemperspektiv/ledelse/leder-virksomhet/1": {
   "tekst": "Hva gjør jeg for å støtte leder av gjennomgangen, slik at vedkommende har kompetanse, tid, ressurser og legitimitet til å gjennomføre arbeidet med et systemperspektiv?",
   "sett": "systemperspektiv",
   "tema": "1. Ledelse av gjennomganger",
   "temaside": "refleksjon/systemperspektiv/ledelse.html",
   "rolle": "leder-virksomhet"
  },
  "systemperspektiv/ledelse/leder-overordnet/1": {
   "tekst": "Hvordan sikrer jeg at vi har etablert kultur, strukturer og kompetansestøtte til enheter som skal undersøke en alvorlig uønsket hendelse?",
   "sett": "systemperspektiv",
   "tema": "1. Ledelse av gjennomganger",
   "temaside": "refleksjon/systemperspektiv/ledelse.html",
   "rolle": "leder-overordnet"
  },
  "systemperspektiv/involvering/leder-gjennomgang/1": {
   "tekst": "Hvordan sikrer jeg at personer som kan belyse hendelsen og systemet den skjedde i, blir involvert i gjennomgangen?",
   "sett": "systemperspektiv",
   "tema": "2. Involvering i gjennomganger",
   "temaside": "refleksjon/systemperspektiv/involvering.html",
   "rolle": "leder-gjennomgang"
  },
  "systemperspektiv/involvering/leder-gjennomgang/2": {
   "tekst": "Hvordan forklarer jeg hensikten med gjennomgangen til dem?",
   "sett": "systemperspektiv",
   "tema": "2. Involvering i gjennomganger",
   "temaside": "refleksjon/systemperspektiv/involvering.html",
   "rolle": "leder-gjennomgang"
  },
  "systemperspektiv/involvering/leder-virksomhet/1": {
   "tekst": "Hvordan kommuniserer jeg viktigheten av dette arbeidet?",
   "sett": "systemperspektiv",
   "tema": "2. Involvering i gjennomganger",
   "temaside": "refleksjon/systemperspektiv/involvering.html",
   "rolle": "leder-virksomhet"
  },
  "systemperspektiv/involvering/leder-virksomhet/2": {
   "tekst": "Hvordan formidler jeg at hensikten med gjennomgangen er læring og forbedring, ikke å finne syndebukker?",
   "sett": "systemperspektiv",
   "tema": "2. Involvering i gjennomganger",
   "temaside": "refleksjon/systemperspektiv/involvering.html",
   "rolle": "leder-virksomhet"
  },
  "systemperspektiv/involvering/leder-overordnet/1": {
   "tekst": "Hvordan sikrer jeg at vi har en kultur for å involvere personer med relevant innsikt – og at rutiner for dette er beskrevet i styringssystemet?",
   "sett": "systemperspektiv",
   "tema": "2. Involvering i gjennomganger",
   "temaside": "refleksjon/systemperspektiv/involvering.html",
   "rolle": "leder-overordnet"
  },
  "systemperspektiv/rapporter/leder-gjennomgang/1": {
   "tekst": "Hvordan gjør jeg overordnet ledelse kjent med rapportens innhold etter gjennomgangen?",
   "sett": "systemperspektiv",
   "tema": "3. Utforming og bruk av rapporter",
   "temaside": "refleksjon/systemperspektiv/rapporter.html",
   "rolle": "leder-gjennomgang"
  },
  "systemperspektiv/rapporter/leder-virksomhet/1": {
   "tekst": "Hvordan bruker jeg innsikt fra gjennomgangen til læring i organisasjonen?",
   "sett": "systemperspektiv",
   "tema": "3. Utforming og bruk av rapporter",
   "temaside": "refleksjon/systemperspektiv/rapporter.html",
   "rolle": "leder-virksomhet"
  },
  "systemperspektiv/rapporter/leder-overordnet/1": {
   "tekst": "Hvordan sikrer jeg at innsikt fra gjennomganger blir kjent for relevante enheter i virksomheten, og at foreslåtte anbefalinger blir vurdert og prioritert?",
   "sett": "systemperspektiv",
   "tema": "3. Utforming og bruk av rapporter",
   "temaside": "refleksjon/systemperspektiv/rapporter.html",
   "rolle": "leder-overordnet"
  }
 },
 "tekster": {
  "svar": "Mitt svar",
  "personvern": "Svarene du skriver, lagres bare i denne nettleseren på denne enheten. Ingenting sendes noe sted, og ingen informasjonskapsler brukes. Feltene er laget for Refleks. Alle svarene dine samlet:",
  "mine_refleksjoner": "Mine refleksjoner",
  "lagret": "lagret",
  "slettet_ett": "svaret er slettet",
  "rollevalg": "Jeg er …",
  "rollevalg_ingen": "ingen rolle valgt",
  "din_rolle": "din rolle",
  "rolle_valgt": "Spørsmålene til rollen du har valgt, står først og er merket «din rolle».",
  "fremdrift": "{besvart} av {alle} spørsmål besvart",
  "journal_tom": "Du har ikke skrevet noen svar ennå. Skriv i feltene «Mitt svar» under spørsmålene på temasidene og rollesidene.",
  "skriv_ut": "Skriv ut",
  "last_ned": "Last ned som tekst (Markdown)",
  "slett_alt": "Slett alle svarene",
  "slett_sporsmal": "Vil du slette alle svarene du har skrevet i denne nettleseren? Det kan ikke angres.",
  "alt_slettet": "Alle svarene er slettet.",
  "til_rolle": "til",
  "kilde": "Kilde",
  "tema": "Tema",
  "les_tema": "Åpne temaet",
  "finnes_ikke": "Spørsmål som ikke lenger står på nettstedet",
  "skrevet_for_refleks": "Spørsmålene i dette settet er skrevet for Refleks, ikke av kilden.",
  "eksportert": "Skrevet ut fra",
  "filnavn": "mine-refleksjoner.md"
 }
};
