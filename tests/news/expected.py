#!/usr/bin/env python3
"""Expected results for `horizon news --since ...` (watches + emerging terms).

Independent pass: works on the source texts only (read in place, never copied),
with plain Python regexes. Rerun:   python3 tests/news/expected.py > tests/news/expected.tsv
(run from the repo root or anywhere; paths are absolute).

Part A (set sgd): /work/shared/corpora/sgd-kamerstukken.jsonl, split into step 1 / step 2
by the first Dutch date in the first 1500 characters (step 2 = year >= 1993).
Part B (set nvs): /work/main/corpus/nvs-midterm-review-2021.txt, edition "NVS 2019" =
the eleven "Korte samenvatting NVS 2019" boxes (line ranges below, found by reading),
everything else = "NVS midterm review 2021".

The script asserts the facts the how-notes rely on, so a changed source fails loudly.
"""
import json, re, sys, collections, datetime

SGD = '/work/shared/corpora/sgd-kamerstukken.jsonl'
NVS = '/work/main/corpus/nvs-midterm-review-2021.txt'
MADE = '2026-12-04'

rows = []  # (set, kind, key, value, how)
def row(s, kind, key, value, how):
    for x in (key, value, how):
        assert '\t' not in str(x) and '\n' not in str(x), x
    rows.append((s, kind, key, str(value), how))

# ---------------------------------------------------------------- Part A: sgd
D = re.compile(r'(?i)\b([0-3]?\d)\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+(1[6-9]\d\d|20\d\d)\b')
recs = []
with open(SGD, encoding='utf-8') as f:
    for line in f:
        o = json.loads(line)
        t = o["Content"]
        m = D.search(t[:1500])
        recs.append((o["URL"], t, int(m.group(3)) if m else None))
new = [r for r in recs if r[2] is not None and r[2] >= 1993]
old = [r for r in recs if not (r[2] is not None and r[2] >= 1993)]
assert len(recs) == 5023 and len(new) == 130 and len(old) == 4893, (len(recs), len(new))
def rid(url):  # short id for notes: the number in .../0000003804/ocr
    return url.rstrip('/').split('/')[-2].lstrip('0')

LET = r'[^\W\d_]'
def whole(word, infl):
    """the word or a plain inflection as a whole word: not glued to letters, not hyphen-joined
    to another word (hyphen compounds go to 'may')."""
    return re.compile(r'(?i)(?<!%s)(?<!%s-)%s(?:%s)?(?!%s)(?!-%s)' % (LET, LET, word, '|'.join(infl), LET, LET))
def tolerant(word):
    """the letters of word, allowing an OCR hyphen/line break between any two letters"""
    return re.compile(r'(?i)' + r'(?:-\s*|\s*\n\s*)?'.join(word))
ANYFORM = lambda word: re.compile(r'(?i)[\w-]*' + word + r'[\w-]*')

SGD_WATCH = {
    'milieu': dict(infl=['s', "'s"],
        query='milieu; plain forms milieu/milieus/milieu\'s as whole words. Many compounds in step 2 '
              '(Milieubeheer in the ministry name VROM, Wet milieubeheer, milieubeleid, milieudelicten, ...) '
              'and hyphen compounds (milieu-redenen, milieu-delicten, milieu-doelstelling) are only "may"'),
    'regelgeving': dict(infl=['en'],
        query='regelgeving; plain forms regelgeving/regelgevingen as whole words. EG-regelgeving (hyphen '
              'compound) is "may"; OCR line-end join "regel-geving" occurs once (record 291529, which also has '
              'the plain word)'),
}

def forms(pat, text):
    c = collections.Counter(m.group(0) for m in pat.finditer(text))
    return ', '.join('%s x%d' % (k, v) for k, v in sorted(c.items()))

for w, spec in SGD_WATCH.items():
    P, A, T = whole(w, spec['infl']), ANYFORM(w), tolerant(w)
    must, may = [], []
    for url, text, y in new:
        nm = len(P.findall(text))
        allf = [m.group(0) for m in A.finditer(text)]
        tol = [m.group(0) for m in T.finditer(text) if m.group(0).lower() != w]
        if nm:
            extra = [f for f in allf if not P.fullmatch(f)]
            how = 'step 2 (%s); plain: %s' % (y, forms(P, text))
            if extra: how += '; also compounds: ' + ', '.join(sorted(set(extra)))
            if tol: how += '; also OCR-split form(s): ' + ', '.join(sorted(set(tol)))
            must.append((url, how))
        elif allf or tol:
            how = 'step 2 (%s); only in compound(s): %s' % (y, ', '.join('%s x%d' % kv for kv in sorted(collections.Counter(allf).items())))
            if any('-' in f for f in allf): how += ' (hyphen compound: found by a tokenizer that splits on "-")'
            if any('-' not in f for f in allf): how += ' (closed compound: found only with compound splitting)'
            if tol: how += '; OCR-split form(s): ' + ', '.join(sorted(set(tol)))
            may.append((url, how))
    old_plain = sum(1 for r in old if P.search(r[1]))
    old_any = sum(1 for r in old if A.search(r[1]))
    row('sgd', 'watch-query', w, w, spec['query'])
    for url, how in must: row('sgd', 'watch-must', w, url, how)
    for url, how in may: row('sgd', 'watch-may', w, url, how)
    row('sgd', 'watch-old-records', w, old_plain,
        'step-1 records (of 4893) with the plain whole word (same rule as must); %d step-1 records contain "%s" in any form incl. compounds: a watch without the "new" filter would return these too'
        % (old_any, w))
    sys.stderr.write('%s: must %d may %d old %d (any form %d)\n' % (w, len(must), len(may), old_plain, old_any))

# emerging terms in step 2 that never occur in step 1
WT = re.compile(r'[^\W\d_]+')
oldlow = '\n'.join(r[1].lower() for r in old)
oldlow_nohyph = re.sub(r'-\s*', '', oldlow)
def sgd_term(term, stem, tier, note):
    tok = [(r, WT.findall(r[1].lower()).count(term)) for r in new]
    tok = [(r, n) for r, n in tok if n]
    sub = [(r, r[1].lower().count(stem)) for r in new if stem in r[1].lower()]
    assert stem not in oldlow and stem not in oldlow_nohyph, (term, 'in step 1')
    ntok = sum(n for _, n in tok)
    how = '%s; token "%s": %d step-2 records, %d x (%s); stem "%s" (any compound): %d records, %d x; step 1: stem never occurs (checked as substring in all 4893 step-1 records, also with hyphens/line breaks removed)' % (
        tier, term, len(tok), ntok, ', '.join('%s:%d' % (rid(r[0]), n) for r, n in tok), stem,
        len(sub), sum(n for _, n in sub))
    if note: how += '; ' + note
    row('sgd', 'emerging', term, ntok, how)
    return len(tok), ntok

T1 = 'first-time, meets all criteria (>=3 step-2 records, >=5 x)'
T2 = 'first-time, RELAXED: only 2 step-2 records'
T3 = 'first-time, RELAXED: only 1 step-2 record'
assert sgd_term('laser', 'laser', T1, 'as a token only when "-" splits words: excimer-laser x3 (3893), Excimer-laser (7758), English "Battlefield Laser Weapons" (4130); closed compounds excimeerlaser, laserwapens, lasersystemen, laserbehandeling, laserapparatuur make 18 stem hits') == (3, 5)
assert sgd_term('bijziendheid', 'bijziend', T2, 'excimer laser treatment of myopia, questions + later answer') == (2, 5)
assert sgd_term('amvb', 'amvb', T2, 'written AMVB/AMvB; in 4796 only as "ontwerp-AMvB" (hyphen compound); step 1 spells out "algemene maatregel van bestuur"') == (2, 6)
for term, note in [('luchtmobiele', 'Luchtmobiele Brigade'), ('amalgaam', 'dental amalgam'),
                   ('ouderenzorg', ''), ('cliëntenraad', 'also checked unaccented "clientenraad": absent from step 1'),
                   ('sprekerspool', ''), ('nachtnorm', 'aircraft noise norm'),
                   ('produktgericht', 'old spelling; "productgericht" absent from step 1 too')]:
    n, k = sgd_term(term, term, T3, note)
    assert n == 1 and k >= 5, term
assert 'clientenraad' not in oldlow and 'productgericht' not in oldlow

# rising (not first-time) terms: the feature's other kind of emerging term
def dfc(term, rs): return sum(1 for r in rs if term in WT.findall(r[1].lower()))
def tfc(term, rs): return sum(WT.findall(r[1].lower()).count(term) for r in rs)
g = (dfc('groenlinks', new), tfc('groenlinks', new), dfc('groenlinks', old), tfc('groenlinks', old))
assert g == (21, 33, 3, 11), g
gl_old_years = sorted(set(r[2] for r in old if 'groenlinks' in WT.findall(r[1].lower())), key=str)
two = sum(1 for r in old if re.search(r'(?i)\bgroen\s+links\b', r[1]))
row('sgd', 'emerging', 'groenlinks', g[1],
    'RISING, NOT first-time (party name, not a person): 21 of 130 step-2 records (%d x) vs 3 of 4893 step-1 records (11 x, all undated: year %s); step 1 spells it "Groen Links" in %d records (1990-1992); highest document-frequency rise of any word' % (g[1], gl_old_years, two))
for term in ('regelgeving', 'natuurbeheer', 'arbeidsmarkt'):
    a = (dfc(term, new), tfc(term, new), dfc(term, old), tfc(term, old))
    row('sgd', 'emerging', term, a[1],
        'RISING, NOT first-time: %d/130 step-2 records (%d x) vs %d/4893 step-1 records (%d x), document-frequency ratio %.0fx' % (a[0], a[1], a[2], a[3], (a[0] / 130) / (a[2] / 4893)))

for term in ('regering', 'minister', 'wetsvoorstel', 'begroting', 'staatssecretaris'):
    a = (dfc(term, new), tfc(term, new), dfc(term, old), tfc(term, old))
    row('sgd', 'not-emerging', term, a[1],
        'frequent in step 2 (%d/130 records, %d x) and common in step 1 (%d/4893 records, %d x): never "first time"' % a)

# ---------------------------------------------------------------- Part B: nvs
RAW = open(NVS, encoding='utf-8').read()
L = RAW.split('\n')
assert len(L) in (1920, 1921)
BOXES = [(177, 200), (380, 400), (589, 617), (689, 720), (763, 784), (940, 977),
         (1136, 1173), (1301, 1313), (1401, 1445), (1609, 1637), (1716, 1764)]
BOX_NOTE = {
    177: 'theme Statelijke dreigingen; ends at "veiligheid.3", followed by blank lines, then footnotes 3+4 (206-214, counted as 2021: fn 3 comments from 2021 on the box, "in de huidige aanpak") and the 2021 page text resuming mid-sentence at 218',
    380: 'theme Polarisatie; ends "in een wijk."; next heading "Ontwikkeling van de dreiging en de risico\'s" at 404',
    589: 'theme Vitale infrastructuur; next heading "Ontwikkeling van de dreiging..." at 621',
    689: 'theme Terrorisme en extremisme (bullet list inside); next heading "Ontwikkeling van de dreiging..." at 724',
    763: 'theme Militaire dreigingen; next heading "Ontwikkeling van de dreiging..." at 788',
    940: 'theme Criminele ondermijning; three paragraphs (regeerakkoord money, criminal money flows), paragraphs separated by double blank lines; next heading "Ontwikkeling van de dreiging..." at 981',
    1136: 'theme Digitale dreigingen; four paragraphs (NCSA 2018, vitale sectoren, Wbni, Cyber Security Act); next heading "Ontwikkeling van de dreiging" at 1177',
    1301: 'theme Multilaterale instituties; next heading "Ontwikkeling van de dreiging..." at 1317',
    1401: 'theme Natuurrampen; sub-heads Klimaatverandering, Droogte, Stijging waterpeil, Natuurbranden...; ends "nationaal niveau." then 4 blank lines; 1451 resumes the 2021 "Ontwikkeling van de weerbaarheid" text of 1388-1396 (Deltaprogramma, then "Droogte: Op 18 december 2019 ...", after the NVS 2019 appeared)',
    1609: 'theme CBRN; sub-heads Proliferatie, Stralingsongevallen; next heading "Ontwikkeling van de dreiging..." at 1641',
    1716: 'theme Infectieziekten; sub-heads Antibioticaresistentie, Zoönosen belong to the box (the 2021 text of this theme, 1663-1711, has none of them); ends at 1764, next line 1765 is the 2021 section heading "Crisisbeheersing" (events of 2019-2020)',
}
def ed(n): return '2019' if any(a <= n <= b for a, b in BOXES) else '2021'
for a, b in BOXES:
    assert L[a - 1].strip() == 'Korte samenvatting NVS 2019', a
    # last box line is followed by a blank line, except box 1716, followed by the 2021 heading
    assert L[b - 1].strip() and (not L[b].strip() or L[b].strip() == 'Crisisbeheersing'), b
    row('nvs', 'box', 'box-%d' % a, '%d,%d' % (a, b), BOX_NOTE[a])
assert sum(1 for l in L if l.strip() == 'Korte samenvatting NVS 2019') == len(BOXES)

# tokens with line-end de-hyphenation; a word broken across lines is reported at its first line
WR = re.compile(r"[^\W\d_]+(?:-(?:\d+-)*[^\W\d_]+)*")   # Covid-19-pandemie is one token, Covid-19 gives "Covid"
def clean(l): return re.sub(r'(?<=\w)[\u00ac\u00ad]\s*(?=\w)', '', l)   # PDF soft-hyphen artefacts
def tokens():
    out, skip = [], set()
    LL = [clean(l) for l in L]
    for i, l in enumerate(LL, 1):
        ms = list(WR.finditer(l))
        if i in skip: ms = ms[1:]
        if not ms: continue
        for m in ms[:-1]: out.append((i, m.group(0), False))
        last = ms[-1]
        if last.end() == len(l.rstrip()) - 1 and l.rstrip().endswith('-'):
            k = i
            while k < len(LL) and not LL[k].strip(): k += 1
            nxt = LL[k].lstrip() if k < len(LL) else ''
            fm = WR.match(nxt)
            if fm and nxt[0].islower() and fm.group(0) not in ('en', 'of', 'tot'):
                sep = '-' if last.group(0)[-1].isupper() else ''   # NAVO-\nbondgenootschap keeps "-"
                out.append((i, last.group(0) + sep + fm.group(0), True)); skip.add(k + 1); continue
        out.append((i, last.group(0), False))
    return out
TOK = tokens()

def lines_of(pred, edition):
    return sorted(set(n for n, w, j in TOK if ed(n) == edition and pred(w.lower())))
def joined_at(word, edition):
    return sorted(n for n, w, j in TOK if j and ed(n) == edition and w.lower() == word)

# watch words
dz = lambda w: w == 'desinformatie'
d21, d19 = lines_of(dz, '2021'), lines_of(dz, '2019')
assert d21 == [27, 264, 266, 273, 274, 464, 823] and d19 == [] and joined_at('desinformatie', '2021') == [273]
assert lines_of(lambda w: 'desinformatie' in w and w != 'desinformatie', '2021') == []
assert 'des- en misinformatie' in L[413]
row('nvs', 'watch-query', 'desinformatie', 'desinformatie', 'occurs only in 2021 text; no compounds in either edition; only the singular is used')
row('nvs', 'watch-lines-2021', 'desinformatie', ','.join(map(str, d21)),
    '7 x on 7 lines; 273 is "desinfor-\\nmatie" (line-end break, word starts on 273; 274 has its own occurrence); not counted: 414 "des- en misinformatie" (elliptical des-, may), 414/464 "misinformatie" (other word)')
row('nvs', 'watch-lines-2019', 'desinformatie', '', 'none: the word never occurs inside a 2019 box')

pz = lambda w: w == 'polarisatie'
p21, p19 = lines_of(pz, '2021'), lines_of(pz, '2019')
assert p21 == [377, 410, 425, 428, 441, 468, 490, 493, 499, 506, 511, 517, 519, 525, 1342, 1598, 1881], p21
assert p19 == [386, 387, 389, 393, 397] and joined_at('polarisatie', '2021') == [511]
row('nvs', 'watch-query', 'polarisatie', 'polarisatie', 'occurs in both editions (2021: 18 x on 17 lines; 2019: 5 x in box 380-400); no compounds')
row('nvs', 'watch-lines-2021', 'polarisatie', ','.join(map(str, p21)),
    '18 x on 17 lines: 511 twice ("polarisatie," + "polari-\\nsatie" broken to 512); 377 is the theme heading "Polarisatie tegengaan" just before the box (outside it, so 2021); not counted: 504 "polariserende", 1553 "polarisering" (other words, a stemmer may join them)')
row('nvs', 'watch-lines-2019', 'polarisatie', ','.join(map(str, p19)), '5 x, all in box 380-400 (Polarisatie tegengaan)')

pa = lambda w: w == 'pandemie'
a21, a19 = lines_of(pa, '2021'), lines_of(pa, '2019')
assert a21 == [652, 1113, 1672, 1675, 1772] and a19 == [] and joined_at('pandemie', '2021') == [652], a21
assert 'Covid-19-pandemie' in L[1126] and 'Covid-pandemie' in L[1690] and 'grieppandemie' in L[1720]
row('nvs', 'watch-query', 'pandemie', 'pandemie', 'plain word only in 2021; compounds in both editions (2021: Covid-19-pandemie, Covid-pandemie; 2019: grieppandemie), so a compound-splitting search would also see the 2019 edition')
row('nvs', 'watch-lines-2021', 'pandemie', ','.join(map(str, a21)),
    '5 plain: 652 "pan-\\ndemie" (line-end break), 1113 and 1772 after "De/Door de Covid-19" at the previous line end (separate word); compounds, separately: 1127 "Covid-19-pandemie", 1691 "Covid-pandemie" (hyphen compounds: found if "-" splits words)')
row('nvs', 'watch-lines-2019', 'pandemie', '', 'no plain form inside a 2019 box; compound only: 1721 "grieppandemie" (closed compound in box 1716-1764, found only with compound splitting)')

# emerging terms 2021 vs 2019
c = {'2019': collections.Counter(), '2021': collections.Counter()}
first = {}
for n, w, j in TOK:
    c[ed(n)][w.lower()] += 1
    first.setdefault((ed(n), w.lower()), n)
box19 = ' '.join(w.lower() for n, w, j in TOK if ed(n) == '2019')
box19_raw = '\n'.join(L[n - 1].lower() for a, b in BOXES for n in range(a, b + 1))
box19_raw_nohyph = re.sub(r'-\s*', '', box19_raw)
def nvs_term(term, count_rule, note):
    if count_rule == 'token':
        n = c['2021'][term]; line = first[('2021', term)]
        lines = [k for k, w, j in TOK if ed(k) == '2021' and w.lower() == term]
        jl = joined_at(term, '2021')
        note = ('lines ' + ','.join(map(str, lines)) + ('; joined across a line end at ' + ','.join(map(str, jl)) if jl else '') + ('; ' + note if note else ''))
    else:  # substring occurrences on 2021 lines (for "covid" inside Covid-19 etc.)
        hits = [(n, len(re.findall(term, L[n - 1].lower()))) for n in range(1, len(L) + 1) if ed(n) == '2021']
        hits = [(k, v) for k, v in hits if v]
        n = sum(v for k, v in hits); line = hits[0][0]
    assert n >= 3 and term not in box19 and term not in box19_raw and term not in box19_raw_nohyph, term
    row('nvs', 'emerging', term, n, '%d x in 2021 text, first at line %d; 0 in the 2019 boxes (also no form containing "%s" there, checked with hyphens/line breaks removed)%s' % (n, line, term, '; ' + note if note else ''))
nvs_term('covid', 'substring', 'as in "Covid-19" (the token after splitting at "-" and digits), incl. 1665 "Covid-\\n19", 1677 twice, compounds 1127 "Covid-19-pandemie", 1691 "Covid-pandemie"')
nvs_term('horizonscan', 'token', 'Horizonscan 2020 (ANV)')
nvs_term('desinformatie', 'token', 'also a watch word')
nvs_term('cyberaanvallen', 'token', '')
nvs_term('coronacrisis', 'token', '')
nvs_term('demonstraties', 'token', 'plus compound 666 "anti-lockdown-demonstraties" (not counted)')
nvs_term('protesten', 'token', 'plus compound 472 "anti-lockdownprotesten" (not counted)')
nvs_term('complottheorieën', 'token', 'with diaeresis (ë)')
nvs_term('spionage', 'token', 'plus compounds spionageactiviteiten, cyberspionage (not counted)')
nvs_term('sabotage', 'token', '')
nvs_term('neerslagtekort', 'token', 'drought figures 2019-2020')
nvs_term('telecomnetwerken', 'token', '')
nvs_term('ongenoegen', 'token', '')
for term in ('weerbaarheid', 'statelijke', 'vitale', 'polarisatie', 'dreigingen'):
    a, b = c['2021'][term], c['2019'][term]
    assert a >= 5 and b >= 3, term
    row('nvs', 'not-emerging', term, a,
        'value = count in 2021 text; %d x in the 2019 boxes too (first at line %d); whole word, line-end breaks joined: common to both editions' % (b, first[('2019', term)]))

# ---------------------------------------------------------------- output
out = sys.stdout
out.write(('# expected results for `horizon news` (watches + emerging terms); made %s by tests/news/expected.py, independent of src/. '
           'sgd split: per line of /work/shared/corpora/sgd-kamerstukken.jsonl, year = group 3 of the first match of %s in Content[:1500]; '
           'step 2 ("new") = year >= 1993 (130 records), step 1 = all others incl. no date (4893). '
           'nvs split: edition "NVS 2019" = the 11 "Korte samenvatting NVS 2019" boxes (kind=box, value = first,last line, 1-based), '
           'edition "NVS midterm review 2021" = all other lines of /work/main/corpus/nvs-midterm-review-2021.txt.\n') % (MADE, D.pattern))
out.write('set\tkind\tkey\tvalue\thow\n')
for r in rows:
    out.write('\t'.join(r) + '\n')
