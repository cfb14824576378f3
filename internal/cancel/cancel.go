// Package cancel lets the stages' long loops notice, cheaply, that the
// caller gave up on a document: a Check counts steps and looks at the done
// channel every 1024 of them, so a loop over a hundred thousand blocks
// stops within milliseconds of a cancel at the cost of an increment per
// step. The stages take a done channel (ctx.Done()) rather than a
// context: they need no deadline or values, only the signal. A zero or nil
// Check never stops.
package cancel

// Check watches one done channel. Not safe for concurrent use: each
// goroutine of a stage has its own.
type Check struct {
	done  <-chan struct{}
	steps uint
}

// New returns a Check of done (nil: never stops).
func New(done <-chan struct{}) *Check { return &Check{done: done} }

// Stop counts one step and reports, every 1024 steps, whether done is
// closed. Small enough to be inlined into the loops that call it.
func (c *Check) Stop() bool {
	if c == nil {
		return false
	}
	c.steps++
	return c.steps&1023 == 0 && c.poll()
}

// poll reports whether done is closed (a nil channel never is).
func (c *Check) poll() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}
