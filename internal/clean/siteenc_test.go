package clean

import (
	"bytes"
	"testing"
)

// Decoding never panics, and whatever decodes encodes back to the same
// bytes (a model's encoding is canonical; a sketch's keeps its order).
func FuzzSiteEncoding(f *testing.F) {
	sk := Sketch("https://example.org/a", columnPage(1))
	b, _ := sk.AppendBinary(nil)
	f.Add(b)
	l := NewSiteLearner()
	for i := range 4 {
		l.Observe(Sketch("https://example.org/"+string(rune('a'+i)), columnPage(i)))
	}
	m, _ := l.Model().AppendBinary(nil)
	f.Add(m)
	f.Add([]byte{sketchTag, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		if s, err := ParseSketch(b); err == nil {
			if got, _ := s.AppendBinary(nil); !bytes.Equal(got, b) {
				t.Errorf("sketch %x re-encodes as %x", b, got)
			}
		}
		if m, err := ParseModel(b); err == nil {
			got, _ := m.AppendBinary(nil)
			if again, err := ParseModel(got); err != nil || again.Size() != m.Size() {
				t.Errorf("model %x re-encodes as %x: %v", b, got, err)
			}
		}
	})
}

// A model learned from pages that share a footer is not empty, and
// survives encoding with its texts.
func TestSiteModelEncoding(t *testing.T) {
	l := NewSiteLearner()
	for i := range 5 {
		l.Observe(Sketch("https://example.org/p"+string(rune('a'+i)), columnPage(i)))
	}
	m := l.Model()
	b, _ := m.AppendBinary(nil)
	got, err := ParseModel(b)
	if err != nil || m.Size() == 0 || got.Size() != m.Size() {
		t.Fatalf("model of %d texts decodes to %v, %v", m.Size(), got.Size(), err)
	}
	if merged := got.Merge(m); merged.Size() != m.Size() {
		t.Errorf("a model merged with itself has %d texts, want %d", merged.Size(), m.Size())
	}
}
