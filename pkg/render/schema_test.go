package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchema compiles the embedded schema, the one `qanda schema` prints.
func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatalf("schema.json is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("qanda.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("qanda.schema.json")
	if err != nil {
		t.Fatalf("schema.json does not compile: %v", err)
	}
	return sch
}

// validate checks one JSON text against the schema.
func validate(t testing.TB, sch *jsonschema.Schema, js []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, js)
	}
	return sch.Validate(v)
}

func TestSchemaAcceptsWriterOutput(t *testing.T) {
	sch := compileSchema(t)
	docs := map[string]*Document{
		"sample": sampleDoc(),
		// The zero Document has nil everything: normalisation must still
		// give valid JSON (no null arrays, schema version filled in).
		"zero": {},
		"warc": func() *Document {
			d := sampleDoc()
			d.Source.WARC = &WARC{RecordID: "<urn:uuid:1>", TargetURI: "https://example.org/a", Date: "2024-05-01T10:00:00Z",
				PayloadDigest: "sha1:AAAA", File: "crawl.warc.gz", Offset: 0}
			return d
		}(),
		"no exchanges": {Title: Str("A page that is no interview"), Warnings: []Warning{{Code: WarnNoInterview, Message: "no exchanges found"}}},
		// Every warning code the pipeline sets is one the schema lists.
		"every warning": {Warnings: []Warning{{WarnMarkupRepaired, "m"}, {WarnReadAsText, "m"}, {WarnChromeHints, "m"},
			{WarnNoInterview, "m"}, {WarnUnanswered, "m"}}},
	}
	zero := render(t, func(b *bytes.Buffer) error { return JSON(b, &Document{}) })
	for _, want := range []string{`"schema": "qanda/2"`, `"intro": []`, `"authors": []`, `"removed": {}`, `"warnings": []`} {
		if !strings.Contains(zero, want) {
			t.Errorf("zero document JSON lacks %s:\n%s", want, zero)
		}
	}
	for name, d := range docs {
		for format, write := range map[string]func(*bytes.Buffer, *Document) error{
			"JSON":     func(b *bytes.Buffer, d *Document) error { return JSON(b, d) },
			"JSONLine": func(b *bytes.Buffer, d *Document) error { return JSONLine(b, d) },
		} {
			js := render(t, func(b *bytes.Buffer) error { return write(b, d) })
			if err := validate(t, sch, []byte(js)); err != nil {
				t.Errorf("%s %s: %v\n%s", name, format, err, js)
			}
		}
	}
}

// TestSchemaRejects proves the schema constrains: each mutation of a valid
// document must fail validation.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	withWARC := sampleDoc()
	withWARC.Source.WARC = &WARC{RecordID: "<urn:uuid:1>", Date: "2024-05-01T10:00:00Z", File: "crawl.warc", Offset: 10}
	valid := render(t, func(b *bytes.Buffer) error { return JSON(b, withWARC) })
	cases := map[string]func(m map[string]any){
		"missing warnings":  func(m map[string]any) { delete(m, "warnings") },
		"missing stats":     func(m map[string]any) { delete(m, "stats") },
		"null intro":        func(m map[string]any) { m["intro"] = nil },
		"null exchanges":    func(m map[string]any) { m["exchanges"] = nil },
		"wrong version":     func(m map[string]any) { m["schema"] = "qanda/1" },
		"warning a string":  func(m map[string]any) { m["warnings"] = []any{"no exchanges"} },
		"unknown warning":   func(m map[string]any) { m["warnings"] = []any{map[string]any{"code": "x", "message": "m"}} },
		"title not string":  func(m map[string]any) { m["title"] = 42 },
		"unknown field":     func(m map[string]any) { m["extra"] = true },
		"exchange n zero":   func(m map[string]any) { exchange(m)["n"] = 0 },
		"exchange n float":  func(m map[string]any) { exchange(m)["n"] = 1.5 },
		"confidence > 1":    func(m map[string]any) { exchange(m)["confidence"] = 1.2 },
		"missing method":    func(m map[string]any) { delete(exchange(m), "method") },
		"null paragraphs":   func(m map[string]any) { exchange(m)["answer"].(map[string]any)["paragraphs"] = nil },
		"missing speaker":   func(m map[string]any) { delete(exchange(m)["question"].(map[string]any), "speaker") },
		"removed count 0":   func(m map[string]any) { removedItem(m)["count"] = 0 },
		"removed no blocks": func(m map[string]any) { delete(removedItem(m), "blocks") },
		"stats not integer": func(m map[string]any) { m["stats"].(map[string]any)["removed"].(map[string]any)["x"] = "3" },
		"null authors":      func(m map[string]any) { m["meta"].(map[string]any)["authors"] = nil },
		"warc offset < 0":   func(m map[string]any) { warc(m)["offset"] = -1 },
		"warc offset text":  func(m map[string]any) { warc(m)["offset"] = "10" },
		"warc no file":      func(m map[string]any) { delete(warc(m), "file") },
		"warc empty digest": func(m map[string]any) { warc(m)["payload_digest"] = "" },
		"warc unknown key":  func(m map[string]any) { warc(m)["length"] = 3 },
		"warc a string":     func(m map[string]any) { m["source"].(map[string]any)["warc"] = "crawl.warc" },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal([]byte(valid), &m); err != nil {
				t.Fatal(err)
			}
			mutate(m)
			js, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			if err := validate(t, sch, js); err == nil {
				t.Errorf("schema accepted an invalid document:\n%s", js)
			}
		})
	}
}

func exchange(m map[string]any) map[string]any {
	return m["exchanges"].([]any)[0].(map[string]any)
}

func warc(m map[string]any) map[string]any {
	return m["source"].(map[string]any)["warc"].(map[string]any)
}

func removedItem(m map[string]any) map[string]any {
	return m["removed"].([]any)[0].(map[string]any)
}

func TestSchemaIsACopy(t *testing.T) {
	s := Schema()
	s[0] = 'X'
	if Schema()[0] != '{' {
		t.Error("Schema() exposes the embedded bytes")
	}
}
