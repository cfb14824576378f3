package clean

import (
	"encoding/binary"
	"errors"
	"maps"
	"slices"
)

// Sketches and models travel between the workers of a distributed batch:
// sketches to the worker that learns a host, models back to the workers
// that extract. The encodings are compact (a block costs 9 bytes, 17 for a
// prompt; a boilerplate text 8) because there is one sketch per page.
// Each starts with a tag byte whose value is the encoding's version.
const (
	sketchTag = 's' + 1
	modelTag  = 'm' + 1
)

// ErrEncoding is bytes that are not an encoded sketch or model of this
// version.
var ErrEncoding = errors.New("not an encoded site sketch or model of this version")

// AppendBinary appends the encoded sketch to b.
func (s PageSketch) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, sketchTag)
	b = appendString(b, s.Host)
	b = binary.LittleEndian.AppendUint64(b, s.page)
	b = binary.AppendUvarint(b, uint64(len(s.blocks)))
	for _, k := range s.blocks {
		if k.prompt {
			b = append(b, 1)
			b = binary.LittleEndian.AppendUint64(b, k.key)
			b = binary.LittleEndian.AppendUint64(b, k.next)
			continue
		}
		b = append(b, 0)
		b = binary.LittleEndian.AppendUint64(b, k.key)
	}
	return b, nil
}

// ParseSketch decodes what AppendBinary encoded.
func ParseSketch(b []byte) (PageSketch, error) {
	r := reader{b: b}
	if r.byte() != sketchTag {
		return PageSketch{}, ErrEncoding
	}
	s := PageSketch{Host: r.string(), page: r.uint64()}
	n := r.count(9)
	if r.bad {
		return PageSketch{}, ErrEncoding
	}
	s.blocks = make([]sketchBlock, 0, n)
	for range n {
		prompt := r.byte()
		k := sketchBlock{key: r.uint64(), prompt: prompt == 1}
		if prompt == 1 {
			k.next = r.uint64()
		} else if prompt != 0 {
			r.bad = true
		}
		s.blocks = append(s.blocks, k)
	}
	if r.bad || len(r.b) > 0 {
		return PageSketch{}, ErrEncoding
	}
	return s, nil
}

// AppendBinary appends the encoded model to b: its hosts in order, each
// with its boilerplate texts' hashes in order, so equal models encode to
// equal bytes.
func (m *SiteModel) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, modelTag)
	if m == nil {
		return binary.AppendUvarint(b, 0), nil
	}
	b = binary.AppendUvarint(b, uint64(len(m.hosts)))
	for _, host := range slices.Sorted(maps.Keys(m.hosts)) {
		b = appendString(b, host)
		keys := slices.Sorted(maps.Keys(m.hosts[host]))
		b = binary.AppendUvarint(b, uint64(len(keys)))
		for _, k := range keys {
			b = binary.LittleEndian.AppendUint64(b, k)
		}
	}
	return b, nil
}

// ParseModel decodes what AppendBinary encoded.
func ParseModel(b []byte) (*SiteModel, error) {
	r := reader{b: b}
	if r.byte() != modelTag {
		return nil, ErrEncoding
	}
	m := &SiteModel{hosts: map[string]map[uint64]bool{}}
	hosts := r.count(2)
	for range hosts {
		host := r.string()
		n := r.count(8)
		if r.bad {
			break
		}
		keys := make(map[uint64]bool, n)
		for range n {
			keys[r.uint64()] = true
		}
		if len(keys) > 0 {
			m.hosts[host] = keys
		}
	}
	if r.bad || len(r.b) > 0 {
		return nil, ErrEncoding
	}
	return m, nil
}

// Merge returns a model that removes what m or o removes.
func (m *SiteModel) Merge(o *SiteModel) *SiteModel {
	if m.Size() == 0 {
		return o
	}
	if o.Size() == 0 {
		return m
	}
	out := &SiteModel{hosts: make(map[string]map[uint64]bool, len(m.hosts)+len(o.hosts))}
	for _, src := range []*SiteModel{m, o} {
		for host, keys := range src.hosts {
			if out.hosts[host] == nil {
				out.hosts[host] = make(map[uint64]bool, len(keys))
			}
			maps.Copy(out.hosts[host], keys)
		}
	}
	return out
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// reader decodes the fields of an encoding; any misread sets bad and
// makes later reads return zero values.
type reader struct {
	b   []byte
	bad bool
}

func (r *reader) byte() byte {
	if r.bad || len(r.b) < 1 {
		r.bad = true
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) uint64() uint64 {
	if r.bad || len(r.b) < 8 {
		r.bad = true
		return 0
	}
	v := binary.LittleEndian.Uint64(r.b)
	r.b = r.b[8:]
	return v
}

// count reads a length whose items take at least size bytes each, so a
// corrupt length cannot make the decoder allocate more than the input.
func (r *reader) count(size int) int {
	if r.bad {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > uint64(len(r.b)-n)/uint64(size) {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *reader) string() string {
	n := r.count(1)
	if r.bad {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}
