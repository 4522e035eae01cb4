package skills

// lexer reads the tokens of TOML text that the scan of limits (limits.go)
// and the index of positions (position.go) both need: blanks and comments,
// strings of the four kinds, and the parts of a dotted key, keeping the
// line and column. It is not a parser: it follows the text well enough to
// find keys, values and brackets, leaves every syntax error to the decoder,
// consumes input at every step whatever the text, and allocates nothing,
// so that the scan of limits can run on any bytes before any parser does.
// The index reads a string, the scan of limits the bytes of a file.
type lexer[S ~string | ~[]byte] struct {
	src       S
	off       int
	line, col int
}

func newLexer[S ~string | ~[]byte](src S) lexer[S] { return lexer[S]{src: src, line: 1, col: 1} }

// peek is the byte k bytes ahead, or 0 past the end.
func (l *lexer[S]) peek(k int) byte {
	if l.off+k < len(l.src) {
		return l.src[l.off+k]
	}
	return 0
}

func (l *lexer[S]) advance() {
	if l.off >= len(l.src) {
		return
	}
	if l.src[l.off] == '\n' {
		l.line++
		l.col = 1
	} else {
		l.col++
	}
	l.off++
}

func (l *lexer[S]) pos() position { return position{l.line, l.col} }

// skipBlank skips spaces, tabs and comments, and newlines when newlines is set.
func (l *lexer[S]) skipBlank(newlines bool) {
	for l.off < len(l.src) {
		switch l.peek(0) {
		case ' ', '\t', '\r':
			l.advance()
		case '\n':
			if !newlines {
				return
			}
			l.advance()
		case '#':
			for l.off < len(l.src) && l.peek(0) != '\n' {
				l.advance()
			}
		default:
			return
		}
	}
}

// skipLine moves to the end of the line, past strings, and past a comment
// as a comment: a quote in "[table] # it's" opens no string (reading one
// there once hid 20,000 nested arrays on the lines after it).
func (l *lexer[S]) skipLine() {
	for l.off < len(l.src) && l.peek(0) != '\n' {
		switch l.peek(0) {
		case '"', '\'':
			l.str()
		case '#':
			l.skipBlank(false)
		default:
			l.advance()
		}
	}
}

// str moves past a string of any of the four kinds, starting at its quote,
// and returns the offsets of its content (escapes as written). A one-line
// string ends at its line's end when it is not closed.
func (l *lexer[S]) str() (start, end int) {
	q := l.peek(0)
	if l.peek(1) == q && l.peek(2) == q {
		for range 3 {
			l.advance()
		}
		start = l.off
		for l.off < len(l.src) {
			if q == '"' && l.peek(0) == '\\' {
				l.advance()
				l.advance()
				continue
			}
			if l.peek(0) == q && l.peek(1) == q && l.peek(2) == q {
				end = l.off
				for range 3 {
					l.advance()
				}
				for l.peek(0) == q { // up to two quotes may close the content
					l.advance()
				}
				return start, end
			}
			l.advance()
		}
		return start, min(l.off, len(l.src))
	}
	l.advance()
	start = l.off
	for l.off < len(l.src) && l.peek(0) != q && l.peek(0) != '\n' {
		if q == '"' && l.peek(0) == '\\' {
			l.advance()
		}
		l.advance()
	}
	end = min(l.off, len(l.src))
	l.advance()
	return start, end
}

// keyPart reads one part of a dotted key, bare or quoted, and returns the
// offsets of its text; ok is false, and nothing is read, when no key starts
// here.
func (l *lexer[S]) keyPart() (start, end int, ok bool) {
	switch c := l.peek(0); {
	case c == '"' || c == '\'':
		start, end = l.str()
		return start, end, true
	case isBareKeyChar(c):
		start = l.off
		for isBareKeyChar(l.peek(0)) {
			l.advance()
		}
		return start, l.off, true
	}
	return l.off, l.off, false
}

func isBareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}
