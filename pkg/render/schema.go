package render

import _ "embed"

//go:embed schema.json
var schemaJSON []byte

// Schema returns the JSON Schema (draft 2020-12) of Document. It is a copy,
// so callers may keep or change it freely.
func Schema() []byte {
	return append([]byte(nil), schemaJSON...)
}
