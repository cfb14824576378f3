package blocks

import "bytes"

// mayNeedRepair is a quick scan for what findSwallow looks for, without the
// tokenizer (which costs as much as a tenth of qanda's time on a page): it
// skips comments, tags (their quoted attribute values too) and the content
// of the raw-text elements, and checks each such content as findSwallow
// would. Whenever the scan could part from the tokenizer (a comment or a
// raw element left open, a script holding "<!--", a tag that does not end)
// it answers true and findSwallow decides; FuzzMayNeedRepair checks that it
// never answers false where findSwallow repairs.
func mayNeedRepair(body []byte) bool {
	for i := 0; i < len(body); {
		j := bytes.IndexByte(body[i:], '<')
		if j < 0 {
			return false
		}
		i += j
		rest := body[i+1:]
		switch {
		case bytes.HasPrefix(rest, []byte("!-->")), bytes.HasPrefix(rest, []byte("!--->")):
			return true // an abruptly closed comment: the tokenizer judges
		case bytes.HasPrefix(rest, []byte("!--")):
			k := bytes.Index(rest[3:], []byte("-->"))
			if k < 0 || bytes.Contains(rest[3:3+k], []byte("--!>")) {
				return true
			}
			i += 1 + 3 + k + 3
			continue
		case len(rest) > 0 && (rest[0] == '!' || rest[0] == '?' || rest[0] == '/' && (len(rest) < 2 || !isLetter(rest[1]))):
			// A doctype or bogus comment: it ends at the first '>'. One
			// that reaches the end of the page is findSwallow's to judge.
			k := bytes.IndexByte(rest, '>')
			if k < 0 || i+1+k+1 == len(body) {
				return true
			}
			i += 1 + k + 1
			continue
		case len(rest) > 0 && rest[0] == '/':
			k := tagEnd(rest) // an end tag
			if k < 0 {
				return true
			}
			i += 1 + k + 1
			continue
		}
		if len(rest) == 0 || !isLetter(rest[0]) {
			i++ // a '<' in text
			continue
		}
		n := 0 // the tag name runs to white space, '/' or '>'
		for n < len(rest) && !htmlSpace(rest[n]) && rest[n] != '/' && rest[n] != '>' {
			n++
		}
		k := tagEnd(rest[n:])
		if k < 0 {
			return true
		}
		start := i + 1 + n + k + 1
		name := string(bytes.ToLower(rest[:n]))
		i = start
		if !rawElements[name] {
			continue
		}
		if name == "plaintext" {
			return true // it has no end
		}
		end := closeTag(body[start:], name)
		if end < 0 {
			return true // open to the end of the page
		}
		content := body[start : start+end]
		if name == "script" && bytes.Contains(content, []byte("<!--")) {
			return true // the tokenizer's escaped script states
		}
		if _, ok := swallowCut(name, content, false); ok {
			return true
		}
		i = start + end
	}
	return false
}

// tagEnd returns the index of the '>' that ends the tag b is inside of,
// skipping quoted attribute values, or -1.
func tagEnd(b []byte) int {
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '>':
			return i
		case '=':
			j := i + 1
			for j < len(b) && htmlSpace(b[j]) {
				j++
			}
			if j < len(b) && (b[j] == '"' || b[j] == '\'') {
				k := bytes.IndexByte(b[j+1:], b[j])
				if k < 0 {
					return -1
				}
				i = j + 1 + k
				continue
			}
			for j < len(b) && !htmlSpace(b[j]) && b[j] != '>' {
				j++
			}
			i = j - 1
		}
	}
	return -1
}

// closeTag returns the offset in b of the first "</name" (any case) that
// is followed by white space, '/' or '>', or -1.
func closeTag(b []byte, name string) int {
	for off := 0; ; {
		k := bytes.Index(b[off:], []byte("</"))
		if k < 0 {
			return -1
		}
		at := off + k
		e := at + 2 + len(name)
		if e <= len(b) && bytes.EqualFold(b[at+2:e], []byte(name)) && (e == len(b) || htmlSpace(b[e]) || b[e] == '/' || b[e] == '>') {
			return at
		}
		off = at + 2
	}
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func htmlSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
