package cancel

import "testing"

func TestCheck(t *testing.T) {
	done := make(chan struct{})
	c := New(done)
	for range 5000 {
		if c.Stop() {
			t.Fatal("stopped before done was closed")
		}
	}
	close(done)
	n := 0
	for !c.Stop() {
		n++
		if n > 1024 {
			t.Fatal("not stopped within 1024 steps of done")
		}
	}
	var none *Check
	if none.Stop() || New(nil).Stop() {
		t.Error("a nil Check or nil channel stopped")
	}
}
