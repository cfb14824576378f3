package qanda

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The format zoo: synthetic interview transcripts (testdata/zoo/*.json,
// written for these tests) rendered in many markup conventions, each as an
// HTML page with page chrome around it and as a text dump of that page.
// This file builds the renderings; zoo_test.go scores them.

// zooTranscript is one bundled transcript: the ground truth of every
// rendering made from it.
type zooTranscript struct {
	ID          string   `json:"id"`
	Lang        string   `json:"lang"`
	Title       string   `json:"title"`
	Interviewer string   `json:"interviewer"`
	Interviewee string   `json:"interviewee"`
	Intro       []string `json:"intro"`
	Askers      []string `json:"askers"` // "Name, City" of the readers in a chat session
	Exchanges   []struct {
		Question string   `json:"question"`
		Answer   []string `json:"answer"`
	} `json:"exchanges"`
}

// loadZoo reads the bundled transcripts in file-name order.
func loadZoo() ([]zooTranscript, error) {
	paths, err := filepath.Glob(filepath.Join(testdataDir, "zoo", "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out []zooTranscript
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var t zooTranscript
		if err := json.Unmarshal(data, &t); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if len(t.Exchanges) == 0 || len(t.Askers) < len(t.Exchanges) {
			return nil, fmt.Errorf("%s: %d exchanges, %d askers", p, len(t.Exchanges), len(t.Askers))
		}
		out = append(out, t)
	}
	return out, nil
}

// zooChrome is the page chrome of one language: what a site prints around
// every article. None of it may end up in a question or an answer.
type zooChrome struct {
	Site        string
	Nav         []string
	RelatedHead string
	Related     []string
	NewsHead    string
	NewsText    string
	NewsButton  string
	Footer      []string
	Caption     string // the photo's caption, printed twice
	Credit      string
	ByLine      string // "By %s" and the date
	ChatOpen    string // the host opening a chat session ("%s" is the guest)
	ChatClose   string // the host closing it
	// Labels of the Q:/A: and numbered conventions.
	QLabel, ALabel string
	Colon          string // ":" or, in French typography, " :"
}

var zooChromes = map[string]zooChrome{
	"en": {
		Site:        "The Northern Ledger",
		Nav:         []string{"Home", "News", "Environment", "Culture", "Opinion", "Podcasts", "Subscribe"},
		RelatedHead: "More from the Ledger",
		Related: []string{
			"Five walks along the old canal towpath this autumn",
			"Council approves new cycle lanes after a stormy meeting",
			"The bakery that has opened at dawn for ninety years",
		},
		NewsHead:   "Get the Ledger in your inbox",
		NewsText:   "Our free weekly newsletter brings you the best stories of the week every Friday morning.",
		NewsButton: "Sign up",
		Footer:     []string{"© 2024 The Northern Ledger Media Group. All rights reserved.", "Privacy policy", "Terms of use", "Contact the newsroom"},
		Caption:    "The interview took place at the end of a long working day.",
		Credit:     "Photo: Ledger archive",
		ByLine:     "By %s · 14 March 2024",
		ChatOpen:   "Good afternoon and welcome to our live chat. Our guest today is %s, and the first questions from readers are already waiting.",
		ChatClose:  "That is all we have time for today. Thank you to everyone who sent in questions.",
		QLabel:     "Q", ALabel: "A", Colon: ":",
	},
	"de": {
		Site:        "Stadtanzeiger Nord",
		Nav:         []string{"Startseite", "Politik", "Wirtschaft", "Wissen", "Kultur", "Sport", "Abo"},
		RelatedHead: "Das könnte Sie auch interessieren",
		Related: []string{
			"Neue Radwege sollen bis zum Herbst fertig werden",
			"Stadtwerke erhöhen zum Jahreswechsel die Wasserpreise",
			"Ein Jahrhundert Bäckerhandwerk in der Altstadt",
		},
		NewsHead:   "Unser Newsletter",
		NewsText:   "Jeden Freitag die wichtigsten Geschichten der Woche kostenlos in Ihrem Postfach.",
		NewsButton: "Jetzt anmelden",
		Footer:     []string{"© 2024 Stadtanzeiger Nord Verlagsgesellschaft mbH", "Impressum", "Datenschutz", "Kontakt zur Redaktion"},
		Caption:    "Das Gespräch fand am Rande einer Fachtagung statt.",
		Credit:     "Foto: Stadtanzeiger-Archiv",
		ByLine:     "Von %s · 14. März 2024",
		ChatOpen:   "Guten Tag und herzlich willkommen zu unserem Leserchat. Heute beantwortet %s Ihre Fragen, und die ersten sind schon eingetroffen.",
		ChatClose:  "Leider ist unsere Zeit schon um. Vielen Dank an alle, die Fragen geschickt haben.",
		QLabel:     "F", ALabel: "A", Colon: ":",
	},
	"ru": {
		Site:        "Вестник Сибири",
		Nav:         []string{"Главная", "Новости", "Общество", "Наука", "Культура", "Спорт", "Подписка"},
		RelatedHead: "Читайте также",
		Related: []string{
			"В городе откроют три новые библиотеки до конца года",
			"Как изменится расписание пригородных поездов этой осенью",
			"Старейшая пекарня города отметила столетний юбилей",
		},
		NewsHead:   "Рассылка «Вестника»",
		NewsText:   "Главные материалы недели каждую пятницу в вашем почтовом ящике, бесплатно.",
		NewsButton: "Подписаться",
		Footer:     []string{"© 2024 Сетевое издание «Вестник Сибири». Все права защищены.", "Политика конфиденциальности", "Контакты редакции"},
		Caption:    "Интервью записано в конце долгого рабочего дня.",
		Credit:     "Фото: архив редакции",
		ByLine:     "Автор: %s · 14 марта 2024",
		ChatOpen:   "Добрый день и добро пожаловать на нашу онлайн-конференцию. Сегодня на вопросы читателей отвечает %s, и первые вопросы уже пришли.",
		ChatClose:  "К сожалению, наше время подошло к концу. Спасибо всем, кто прислал вопросы.",
		QLabel:     "В", ALabel: "О", Colon: ":",
	},
	"fr": {
		Site:        "La Dépêche du Causse",
		Nav:         []string{"Accueil", "Actualité", "Société", "Économie", "Culture", "Sports", "S'abonner"},
		RelatedHead: "À lire aussi",
		Related: []string{
			"Le marché couvert rouvre ses portes après deux ans de travaux",
			"Sept randonnées pour découvrir la vallée à l'automne",
			"La boulangerie qui ouvre à l'aube depuis quatre-vingt-dix ans",
		},
		NewsHead:   "Notre lettre d'information",
		NewsText:   "Chaque vendredi, le meilleur de la semaine gratuitement dans votre boîte mail.",
		NewsButton: "Je m'inscris",
		Footer:     []string{"© 2024 La Dépêche du Causse. Tous droits réservés.", "Mentions légales", "Politique de confidentialité", "Nous contacter"},
		Caption:    "L'entretien s'est déroulé à la fin d'une longue journée de travail.",
		Credit:     "Photo : archives de la rédaction",
		ByLine:     "Par %s · 14 mars 2024",
		ChatOpen:   "Bonjour et bienvenue dans notre tchat. Notre invitée du jour est %s, et les premières questions des lecteurs sont déjà arrivées.",
		ChatClose:  "C'est malheureusement tout le temps dont nous disposions. Merci à toutes celles et ceux qui ont envoyé des questions.",
		QLabel:     "Q", ALabel: "R", Colon: " :",
	},
	"es": {
		Site:        "Diario del Levante Sur",
		Nav:         []string{"Portada", "Actualidad", "Sociedad", "Economía", "Cultura", "Deportes", "Suscríbete"},
		RelatedHead: "Te puede interesar",
		Related: []string{
			"El mercado central reabre tras dos años de obras",
			"Siete rutas a pie para descubrir la sierra en otoño",
			"La panadería que abre al amanecer desde hace noventa años",
		},
		NewsHead:   "Nuestro boletín",
		NewsText:   "Cada viernes, lo mejor de la semana gratis en tu correo electrónico.",
		NewsButton: "Apúntate",
		Footer:     []string{"© 2024 Diario del Levante Sur. Todos los derechos reservados.", "Aviso legal", "Política de privacidad", "Contacto"},
		Caption:    "La entrevista tuvo lugar al final de una larga jornada de trabajo.",
		Credit:     "Foto: archivo del periódico",
		ByLine:     "Por %s · 14 de marzo de 2024",
		ChatOpen:   "Buenas tardes y bienvenidos a nuestro encuentro digital. Hoy responde a sus preguntas %s, y ya han llegado las primeras.",
		ChatClose:  "Lamentablemente se nos ha acabado el tiempo. Gracias a todos los que han enviado sus preguntas.",
		QLabel:     "P", ALabel: "R", Colon: ":",
	},
}

// mustNotLeak lists the chrome texts that must not stand in a question or
// an answer: the related headlines, the newsletter box, the footer and the
// photo's caption and credit. (Menu items are single words an answer may
// well contain, so they are not listed.)
func (c zooChrome) mustNotLeak() []string {
	out := append([]string{}, c.Related...)
	out = append(out, c.RelatedHead, c.NewsHead, c.NewsText, c.Caption, c.Credit)
	return append(out, c.Footer[0])
}

// pullQuote is the answer sentence the page repeats as a pull quote: the
// second answer's first sentence of eight words or more.
func (t zooTranscript) pullQuote() string {
	a := t.Exchanges[1].Answer
	for _, p := range a {
		for p != "" {
			s := firstSentence(p)
			if len(strings.Fields(s)) >= 8 {
				return s
			}
			p = strings.TrimSpace(p[len(s):])
		}
	}
	return firstSentence(a[0])
}

var sentenceEnd = regexp.MustCompile(`[.!?…»“]\s`)

func firstSentence(p string) string {
	if loc := sentenceEnd.FindStringIndex(p); loc != nil {
		return p[:loc[0]+1]
	}
	return p
}

// initialsOfName returns the initials of a name ("Laura Whitfield": "LW").
func initialsOfName(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return b.String()
}

// zooConvention renders the interview part of a page: the blocks of each
// exchange (question and answer), what opens and closes them, and how an
// insert (a photo, a pull quote) stands between two exchanges.
type zooConvention struct {
	name string
	// exchange renders exchange k as HTML blocks.
	exchange func(t zooTranscript, c zooChrome, k int) string
	// open and close wrap the exchanges (a table); insert wraps a block
	// put between two exchanges.
	open, close string
	insert      func(s string) string
	// intro and outro are blocks of the convention itself before the
	// first and after the last exchange (a chat host's turns).
	intro, outro func(t zooTranscript, c zooChrome) string
	// markdown conventions are read as a .md file and have no text dump.
	markdown bool
}

func esc(s string) string { return html.EscapeString(s) }

func paras(ps []string) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("<p>" + esc(p) + "</p>\n")
	}
	return b.String()
}

// labelled renders an exchange as two labelled turns; the answer's later
// paragraphs carry no label.
func labelled(q, a func(t zooTranscript, c zooChrome, k int) string) func(t zooTranscript, c zooChrome, k int) string {
	return func(t zooTranscript, c zooChrome, k int) string {
		e := t.Exchanges[k]
		return "<p>" + q(t, c, k) + esc(e.Question) + "</p>\n<p>" + a(t, c, k) + esc(e.Answer[0]) + "</p>\n" + paras(e.Answer[1:])
	}
}

// timestamp is the time into the recording at which exchange k's question
// (turn 0) or answer (turn 1) starts.
func timestamp(k, turn int) string {
	s := 12*60 + 6 + k*173 + turn*21
	return fmt.Sprintf("[%02d:%02d:%02d]", s/3600, s/60%60, s%60)
}

// dialogueDash is the dash a language opens a turn with.
func dialogueDash(lang string) string {
	if lang == "es" {
		return "—" // Spanish sets it close: "—¿Cuándo…?"
	}
	return "— "
}

var zooConventions = []zooConvention{
	{
		name: "qa-labels",
		exchange: labelled(
			func(_ zooTranscript, c zooChrome, _ int) string { return "<b>" + esc(c.QLabel+c.Colon) + "</b> " },
			func(_ zooTranscript, c zooChrome, _ int) string { return "<b>" + esc(c.ALabel+c.Colon) + "</b> " }),
	},
	{
		name: "speaker-names",
		exchange: labelled(
			func(t zooTranscript, c zooChrome, k int) string {
				if k == 0 {
					return esc(t.Interviewer + c.Colon + " ")
				}
				return esc(initialsOfName(t.Interviewer) + c.Colon + " ")
			},
			func(t zooTranscript, c zooChrome, k int) string {
				if k == 0 {
					return esc(t.Interviewee + c.Colon + " ")
				}
				return esc(initialsOfName(t.Interviewee) + c.Colon + " ")
			}),
	},
	{
		name: "bold-questions",
		exchange: func(t zooTranscript, _ zooChrome, k int) string {
			e := t.Exchanges[k]
			return "<p><strong>" + esc(e.Question) + "</strong></p>\n" + paras(e.Answer)
		},
	},
	{
		name: "italic-questions",
		exchange: func(t zooTranscript, _ zooChrome, k int) string {
			e := t.Exchanges[k]
			return "<p><em>" + esc(e.Question) + "</em></p>\n" + paras(e.Answer)
		},
	},
	{
		name: "italic-run-in",
		exchange: func(t zooTranscript, _ zooChrome, k int) string {
			e := t.Exchanges[k]
			return "<p><i>" + esc(e.Question) + "</i> " + esc(e.Answer[0]) + "</p>\n" + paras(e.Answer[1:])
		},
	},
	{
		name: "h3-questions",
		exchange: func(t zooTranscript, _ zooChrome, k int) string {
			e := t.Exchanges[k]
			return "<h3>" + esc(e.Question) + "</h3>\n" + paras(e.Answer)
		},
	},
	{
		name: "dialogue-dashes",
		exchange: func(t zooTranscript, _ zooChrome, k int) string {
			e := t.Exchanges[k]
			d := dialogueDash(t.Lang)
			return "<p>" + esc(d+e.Question) + "</p>\n<p>" + esc(d+e.Answer[0]) + "</p>\n" + paras(e.Answer[1:])
		},
	},
	{
		name: "table",
		open: `<table class="interview">` + "\n", close: "</table>\n",
		insert: func(s string) string { return `<tr><td colspan="2">` + s + "</td></tr>\n" },
		exchange: func(t zooTranscript, _ zooChrome, k int) string {
			e := t.Exchanges[k]
			return `<tr><td class="q">` + esc(e.Question) + "</td><td>" + paras(e.Answer) + "</td></tr>\n"
		},
	},
	{
		name: "chat-session",
		intro: func(t zooTranscript, c zooChrome) string {
			return "<p><b>" + esc(t.Interviewer+c.Colon) + "</b> " + esc(fmt.Sprintf(c.ChatOpen, t.Interviewee)) + "</p>\n"
		},
		outro: func(t zooTranscript, c zooChrome) string {
			return "<p><b>" + esc(t.Interviewer+c.Colon) + "</b> " + esc(c.ChatClose) + "</p>\n"
		},
		exchange: labelled(
			func(t zooTranscript, c zooChrome, k int) string { return "<b>" + esc(t.Askers[k]+c.Colon) + "</b> " },
			func(t zooTranscript, c zooChrome, _ int) string { return "<b>" + esc(t.Interviewee+c.Colon) + "</b> " }),
	},
	{
		name: "timestamped-caps",
		exchange: labelled(
			func(t zooTranscript, c zooChrome, k int) string {
				return esc(timestamp(k, 0) + " " + strings.ToUpper(t.Interviewer) + c.Colon + " ")
			},
			func(t zooTranscript, c zooChrome, k int) string {
				return esc(timestamp(k, 1) + " " + strings.ToUpper(t.Interviewee) + c.Colon + " ")
			}),
	},
	{
		name: "numbered",
		exchange: labelled(
			func(_ zooTranscript, c zooChrome, k int) string { return esc(fmt.Sprintf("%s%d. ", c.QLabel, k+1)) },
			func(_ zooTranscript, c zooChrome, k int) string { return esc(fmt.Sprintf("%s%d. ", c.ALabel, k+1)) }),
	},
	{
		name: "unstyled",
		exchange: func(t zooTranscript, _ zooChrome, k int) string {
			e := t.Exchanges[k]
			return "<p>" + esc(e.Question) + "</p>\n" + paras(e.Answer)
		},
	},
	{
		name: "class-questions",
		exchange: func(t zooTranscript, _ zooChrome, k int) string {
			e := t.Exchanges[k]
			return `<p class="interview__question">` + esc(e.Question) + "</p>\n" + paras(e.Answer)
		},
	},
	{name: "markdown", markdown: true},
}

// zooPage renders transcript t in convention cv as a whole HTML page.
func zooPage(t zooTranscript, cv zooConvention) string {
	c := zooChromes[t.Lang]
	var b strings.Builder
	w := func(s string) { b.WriteString(s) }
	w(`<!DOCTYPE html>
<html lang="` + t.Lang + `"><head><meta charset="utf-8">
<title>` + esc(t.Title+" | "+c.Site) + `</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
</head><body>
<header class="site-header"><a class="logo" href="/">` + esc(c.Site) + `</a>
<nav class="main-nav"><ul>
`)
	for i, n := range c.Nav {
		w(fmt.Sprintf(`<li><a href="/section/%d">%s</a></li>`+"\n", i, esc(n)))
	}
	w(`</ul></nav></header>
<main><article class="story">
<h1>` + esc(t.Title) + `</h1>
<p class="byline">` + esc(fmt.Sprintf(c.ByLine, t.Interviewer)) + `</p>
<div class="story-body">
`)
	for _, p := range t.Intro {
		w(`<p class="lead">` + esc(p) + "</p>\n")
	}
	if cv.intro != nil {
		w(cv.intro(t, c))
	}
	figure := `<figure class="photo"><img src="/img/interview-1200.jpg" alt="` + esc(c.Caption) + `">` +
		`<figcaption>` + esc(c.Caption) + ` <span class="credit">` + esc(c.Credit) + `</span></figcaption></figure>` + "\n" +
		`<p class="photo-caption">` + esc(c.Caption) + "</p>\n"
	pull := `<blockquote class="pull-quote"><p>` + esc(t.pullQuote()) + "</p></blockquote>\n"
	insert := func(s string) {
		if cv.insert != nil {
			s = cv.insert(s)
		}
		w(s)
	}
	w(cv.open)
	for k := range t.Exchanges {
		w(cv.exchange(t, c, k))
		switch k {
		case 1:
			insert(figure)
		case 2:
			insert(pull)
		}
	}
	w(cv.close)
	if cv.outro != nil {
		w(cv.outro(t, c))
	}
	w(`</div></article>
<aside class="related"><h2>` + esc(c.RelatedHead) + `</h2><ul>
`)
	for i, r := range c.Related {
		w(fmt.Sprintf(`<li><a href="/story/%d">%s</a></li>`+"\n", 100+i, esc(r)))
	}
	w(`</ul></aside>
<section class="newsletter"><h3>` + esc(c.NewsHead) + `</h3><p>` + esc(c.NewsText) + `</p>
<form action="/newsletter"><input type="email" name="email"><button type="submit">` + esc(c.NewsButton) + `</button></form></section>
</main>
<footer class="site-footer"><p>` + esc(c.Footer[0]) + `</p><ul>
`)
	for _, f := range c.Footer[1:] {
		w(`<li><a href="/legal">` + esc(f) + "</a></li>\n")
	}
	w("</ul></footer>\n</body></html>\n")
	return b.String()
}

// zooMarkdown renders transcript t as a Markdown file, as a site's export
// or a converter writes it: the menu as a line of links, the title and a
// section heading, bold speaker names, the photo with its caption twice
// (alt text and caption line), a pull quote, related links, the newsletter
// box and the footer.
func zooMarkdown(t zooTranscript) string {
	c := zooChromes[t.Lang]
	var b strings.Builder
	w := func(s string) { b.WriteString(s + "\n\n") }
	var nav []string
	for i, n := range c.Nav {
		nav = append(nav, fmt.Sprintf("[%s](/section/%d)", n, i))
	}
	w(strings.Join(nav, " · "))
	w("# " + t.Title)
	w("*" + fmt.Sprintf(c.ByLine, t.Interviewer) + "*")
	for _, p := range t.Intro {
		w(p)
	}
	for k, e := range t.Exchanges {
		w("**" + t.Interviewer + c.Colon + "** " + e.Question)
		w("**" + t.Interviewee + c.Colon + "** " + e.Answer[0])
		for _, p := range e.Answer[1:] {
			w(p)
		}
		switch k {
		case 1:
			w("![" + c.Caption + "](/img/interview-1200.jpg)")
			w("*" + c.Caption + " " + c.Credit + "*")
		case 2:
			w("> " + t.pullQuote())
		}
	}
	w("## " + c.RelatedHead)
	var rel []string
	for i, r := range c.Related {
		rel = append(rel, fmt.Sprintf("- [%s](/story/%d)", r, 100+i))
	}
	w(strings.Join(rel, "\n"))
	w("### " + c.NewsHead)
	w(c.NewsText + " [" + c.NewsButton + "](/newsletter)")
	w(c.Footer[0])
	return b.String()
}

// dumper turns a page into a text dump: w3m when it is on PATH, else
// fallbackDump.
type dumper struct {
	w3m string // w3m's path, or ""
}

func newDumper() dumper {
	p, _ := exec.LookPath("w3m")
	return dumper{w3m: p}
}

func (d dumper) name() string {
	if d.w3m != "" {
		return "w3m"
	}
	return "Go fallback"
}

func (d dumper) dump(page string) (string, error) {
	if d.w3m == "" {
		return fallbackDump(page)
	}
	// -I/-O: w3m otherwise writes in the locale's charset, and "?" for
	// every letter it cannot show there.
	cmd := exec.Command(d.w3m, "-dump", "-T", "text/html", "-cols", "100", "-I", "UTF-8", "-O", "UTF-8")
	cmd.Stdin = strings.NewReader(page)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("w3m: %w: %s", err, errb.String())
	}
	return out.String(), nil
}

// fallbackDump imitates a w3m dump without w3m: every block element's
// text as one paragraph wrapped at 100 columns, blank lines between
// blocks, list items bulleted on consecutive lines, an image's alt text,
// a form's field and button much as w3m shows them. Unlike w3m it sets a
// table's cells one after another, not side by side.
func fallbackDump(page string) (string, error) {
	root, err := xhtml.Parse(strings.NewReader(page))
	if err != nil {
		return "", err
	}
	var out strings.Builder
	var line strings.Builder
	prefix, lastItem := "", false
	flush := func() {
		s := strings.Join(strings.Fields(line.String()), " ")
		line.Reset()
		if s == "" {
			return
		}
		// w3m sets a list's items on consecutive lines, other blocks
		// apart by a blank line.
		item := strings.HasPrefix(prefix, "  •")
		switch {
		case out.Len() == 0:
		case item && lastItem:
			out.WriteString("\n")
		default:
			out.WriteString("\n\n")
		}
		out.WriteString(wrap(prefix+s, 100))
		prefix, lastItem = "", item
	}
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		switch n.Type {
		case xhtml.TextNode:
			line.WriteString(n.Data)
			return
		case xhtml.ElementNode:
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style:
				return
			case atom.Input:
				line.WriteString("[                    ]")
				return
			case atom.Img:
				for _, a := range n.Attr {
					if a.Key == "alt" {
						line.WriteString(" " + a.Val + " ")
					}
				}
				return
			}
		}
		block := false
		if n.Type == xhtml.ElementNode {
			switch n.DataAtom {
			case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.Li, atom.Td, atom.Th, atom.Tr,
				atom.Blockquote, atom.Figure, atom.Figcaption, atom.Header, atom.Footer, atom.Nav, atom.Section,
				atom.Article, atom.Aside, atom.Main, atom.Ul, atom.Form, atom.Table:
				block = true
				flush()
			}
			switch n.DataAtom {
			case atom.Li:
				prefix = "  • "
			case atom.Blockquote:
				prefix = "    "
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
		if block {
			flush()
		}
	}
	walk(root)
	flush()
	return out.String() + "\n", nil
}

// wrap breaks s into lines of at most width runes at spaces, indenting
// the continuation lines as far as s's first line is indented.
func wrap(s string, width int) string {
	rest := strings.TrimLeft(s, " •")
	head := s[:len(s)-len(rest)]
	pad := strings.Repeat(" ", utf8.RuneCountInString(head))
	var lines []string
	cur, n := head, utf8.RuneCountInString(head)
	for i, w := range strings.Fields(rest) {
		wl := utf8.RuneCountInString(w)
		if i > 0 && n+1+wl > width {
			lines = append(lines, cur)
			cur, n = pad+w, len(pad)+wl
			continue
		}
		if i > 0 {
			cur += " "
			n++
		}
		cur += w
		n += wl
	}
	return strings.Join(append(lines, cur), "\n")
}

// TestFormatZooWrite writes every rendering to the folder QANDA_ZOO_OUT
// names, to look at or to feed to the CLI; without it, it is skipped.
func TestFormatZooWrite(t *testing.T) {
	dir := os.Getenv("QANDA_ZOO_OUT")
	if dir == "" {
		t.Skip("set QANDA_ZOO_OUT to a folder to write the zoo's renderings there")
	}
	zoo, err := loadZoo()
	if err != nil {
		t.Fatal(err)
	}
	d := newDumper()
	if os.Getenv("QANDA_ZOO_NO_W3M") != "" {
		d = dumper{}
	}
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tr := range zoo {
		for _, cv := range zooConventions {
			base := tr.ID + "-" + cv.name
			if cv.markdown {
				write(base+".md", zooMarkdown(tr))
				continue
			}
			page := zooPage(tr, cv)
			write(base+".html", page)
			dump, err := d.dump(page)
			if err != nil {
				t.Fatal(err)
			}
			write(base+".txt", dump)
		}
	}
}
