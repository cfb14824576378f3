package meta

import (
	"strings"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		want, text string
	}{
		{"en", "Some 2,000 miles away from the new headquarters in San Francisco, he is working on a couple of little initiatives. " +
			"He decided to return to the city where he and his partner are from, and over the years he has built a company there that is doing well."},
		{"de", "Der Spessart ist eine Tourismus-Region mitten in Deutschland. Besonders der unberührte Wald, der übrigens der größte " +
			"zusammenhängende Laubmischwald in Deutschland ist, macht die Region einzigartig. Es geht darum, Wirtschaft und Umwelt gleichrangig zu betrachten."},
		{"fr", "Dans votre travail, vous expliquez qu’il est difficile d’unifier les politiques migratoires en Europe. La France a une " +
			"migration plus stable, que j’appelle ordinaire, et son approche me semble plus imprégnée de légalisme que celle de l’Allemagne."},
		{"es", "La Organización de las Naciones Unidas para la Alimentación advierte que el país debe prepararse para una escalada " +
			"prolongada de precios en los alimentos. Esto por la dependencia de la importación de algunos productos, que ya está muy alta."},
		{"it", "Il black Friday incombe su di noi: per chi non lo sapesse, è il giorno in cui i negozi fanno sconti enormi. Anche quest'anno " +
			"ci sono molte offerte per gli appassionati, e abbiamo raccolto le più interessanti in questo articolo con la nostra selezione."},
		{"pt", "A equipe do Serviço de Atendimento Domiciliar, do bairro Amizade, registrou um aumento no número de atendimentos. " +
			"Segundo a coordenação, o trabalho é feito por uma equipe que visita os pacientes em casa e também faz o acompanhamento das famílias."},
		{"nl", "Het is niet de eerste keer dat de gemeente een plan voor de nieuwe brug presenteert. Maar volgens de wethouder is er nu " +
			"genoeg geld, en ook de bewoners zijn het met het ontwerp eens. De bouw begint als alles goed gaat in het voorjaar."},
		{"ru", "Внезапно я захотел вести блог – совершенно любой. Господи, какие только темы я не придумывал. Но точно знал, что из всех " +
			"моих хобби не брошу только одно: не перестану есть. Поэтому я запустил блог, в котором рассказываю то, что сам узнаю о еде."},
		{"uk", "Це була перша зустріч міністрів після початку війни. Він сказав, що вони вже обговорили питання про допомогу, і що " +
			"Україна також готова до нових переговорів, якщо її партнери будуть підтримувати її і надалі."},
		{"", ""},
		{"", "Hello world"},
		{"", "Breaking: Prices"},
		{"", "12 345 67,8 — 90"},
		{"", "Jangan membenci satu kaum, karena kita tidak tahu apa yang ada di dalam hati mereka. Mudah-mudahan kita bisa memahami " +
			"dan mengamalkan ajaran ini dengan baik, dan semoga kita semua mendapat petunjuk."},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.text); got != tt.want {
			_, score := detect(tt.text)
			t.Errorf("DetectLanguage(%.40q) = %q, want %q (scores %v)", tt.text, got, tt.want, score)
		}
	}
}

func TestDetectLanguageReadsOnlyTheStart(t *testing.T) {
	german := strings.Repeat("Das ist nicht die Frage, sondern wie wir mit der Zeit umgehen. ", 400)
	english := strings.Repeat("This is not the question, but how we deal with the time that is left. ", 400)
	if got := DetectLanguage(german + english); got != "de" {
		t.Errorf("got %q, want the language of the first 20 KB", got)
	}
	// A cut in the middle of a multi-byte letter must not matter.
	text := strings.Repeat("ü", sampleBytes) + " der die und das ist nicht"
	if got := DetectLanguage(text); got != "" {
		t.Errorf("got %q for text without words in the sample", got)
	}
}

func TestIsStopword(t *testing.T) {
	tests := []struct {
		lang, word string
		want       bool
	}{
		{"en", "The", true},
		{"en", "interview", false},
		{"de", "UND", true},
		{"ru", "Что", true},
		{"uk", "що", true},
		{"fr", "les", true},
		{"es", "también", true},
		{"xx", "the", false},
		{"en", "", false},
	}
	for _, tt := range tests {
		if got := IsStopword(tt.lang, tt.word); got != tt.want {
			t.Errorf("IsStopword(%q, %q) = %v, want %v", tt.lang, tt.word, got, tt.want)
		}
	}
}

func FuzzDetectLanguage(f *testing.F) {
	f.Add("Der Spessart ist eine Region")
	f.Add("Это была первая встреча")
	f.Fuzz(func(t *testing.T, s string) {
		got := DetectLanguage(s)
		if got != "" && stopwords[got] == nil {
			t.Fatalf("unknown language %q", got)
		}
		if again := DetectLanguage(s); again != got {
			t.Fatalf("not deterministic: %q then %q", got, again)
		}
	})
}
