package plans

import (
	"strings"
	"unicode"

	"github.com/coach-dev/coach/skills"
)

// The notes of a 1:1 are the manager's, often written about the person
// ("Ben is nervous about the renewal-flow conversation"). The agenda is
// the person's, and speaks to them: a line of the notes that opens with
// their name is said to them ("You are nervous about the renewal-flow
// conversation"), its he or she about them with it (cold read 17: a
// note about Ben quoted back to Ben). A line about anyone else is quoted
// as written.

// noteToYou is a line of notes (s) said to p when it opens with p's name,
// with its list or quote marker kept; ok is false, and s is returned, for
// any other line, or one whose verb after the name it cannot read.
func noteToYou(s string, p *skills.Person) (string, bool) {
	body := strings.TrimLeft(s, " ")
	lead := s[:len(s)-len(body)]
	for _, m := range []string{"- ", "* ", "+ "} {
		if strings.HasPrefix(body, m) {
			lead, body = lead+m, body[len(m):]
			break
		}
	}
	rest := ""
	for _, name := range []string{strings.TrimSpace(p.Name), firstName(p)} {
		if name == "" {
			continue
		}
		switch {
		case strings.HasPrefix(body, name+"'s "), strings.HasPrefix(body, name+"’s "):
			_, after, _ := strings.Cut(body[len(name):], " ")
			return lead + "Your " + youPronouns(after), true
		case strings.HasPrefix(body, name+" "):
			rest = body[len(name)+1:]
		}
		if rest != "" {
			break
		}
	}
	if rest == "" {
		return s, false
	}
	verb, after, _ := strings.Cut(rest, " ")
	v := youVerb(verb)
	if v == "" {
		return s, false
	}
	// A second verb of the same clause ("wants the seat but worries it
	// eats the launch") goes with the first, up to the clause's end.
	words := strings.Split(after, " ")
	for i := 0; i+1 < len(words); i++ {
		if strings.ContainsAny(words[i], ";.:") {
			break
		}
		if w := words[i]; w == "but" || w == "and" || w == "or" {
			if c := youVerb(words[i+1]); c != "" && c != words[i+1] && !notVerb[words[i+1]] {
				words[i+1] = c
			}
		}
	}
	out := "You " + v
	if after != "" {
		out += " " + youPronouns(strings.Join(words, " "))
	}
	return lead + out, true
}

// youPronouns says a line's he or she to the person it is about, with
// the verb after it ("he keeps" reads "you keep"), until a name of
// someone else comes first: a pronoun after it is theirs.
func youPronouns(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		core := strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		tail := w[len(core):]
		switch strings.ToLower(core) {
		case "he", "she":
			words[i] = "you" + tail
			if i+1 < len(words) && tail == "" {
				if v := youVerb(words[i+1]); v != "" {
					words[i+1] = v
				}
			}
		case "his", "her":
			words[i] = "your" + tail
			if strings.ToLower(core) == "her" && (tail != "" || i+1 == len(words)) {
				words[i] = "you" + tail // "her" at a clause's end is whom, not whose
			}
		case "him":
			words[i] = "you" + tail
		case "himself", "herself":
			words[i] = "yourself" + tail
		default:
			if core != "" && unicode.IsUpper([]rune(core)[0]) && strings.ToLower(core[1:]) == core[1:] && len(core) > 1 {
				return strings.Join(words, " ") // someone else's name: what follows may be about them
			}
		}
	}
	return strings.Join(words, " ")
}

// notVerb are words ending in s that are not a verb of the person's.
var notVerb = map[string]bool{"its": true, "this": true, "thus": true, "always": true, "perhaps": true,
	"plus": true, "us": true, "yes": true, "his": true, "hers": true, "ours": true, "theirs": true, "less": true, "as": true}

// youVerb is a verb of the third person said to "you" ("is" → "are",
// "worries" → "worry"); a verb that does not change ("asked", "will")
// is returned as it is; "" for a word it cannot read as a verb.
func youVerb(w string) string {
	core := strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	tail := w[len(core):]
	if core == "" || core != strings.ToLower(core) || notVerb[core] {
		return ""
	}
	if v, ok := map[string]string{"is": "are", "was": "were", "has": "have", "does": "do", "goes": "go"}[core]; ok {
		return v + tail
	}
	switch {
	case strings.HasSuffix(core, "ed"), map[string]bool{"will": true, "would": true, "can": true, "could": true, "should": true,
		"must": true, "might": true, "may": true, "did": true, "had": true, "said": true, "met": true, "told": true, "felt": true}[core]:
		return w
	case strings.HasSuffix(core, "ies") && len(core) > 4:
		return core[:len(core)-3] + "y" + tail
	case strings.HasSuffix(core, "ches"), strings.HasSuffix(core, "shes"), strings.HasSuffix(core, "sses"), strings.HasSuffix(core, "xes"), strings.HasSuffix(core, "zes"):
		return core[:len(core)-2] + tail
	case strings.HasSuffix(core, "s") && !strings.HasSuffix(core, "ss") && !strings.HasSuffix(core, "us") && !strings.HasSuffix(core, "is") && len(core) > 2:
		return core[:len(core)-1] + tail
	}
	return ""
}

// laterToYou is a line of notes after one said to p (see noteToYou): its
// he or she, with the verb after it, is said to p too, so that one
// quote does not speak of p in two voices (cold read 18, finding 12).
// Only when nobody else may be named before the pronoun: a name of the
// team other than p's, or a capitalised word inside a sentence; else
// the line is returned as written, whole.
func laterToYou(s string, p *skills.Person, names []string) string {
	others := map[string]bool{}
	for _, n := range names {
		if f := firstWord(n); f != "" && f != firstName(p) {
			others[f] = true
		}
		for _, w := range strings.Fields(n) {
			if w != firstName(p) && !strings.Contains(p.Name, w) {
				others[w] = true
			}
		}
	}
	words := strings.Split(s, " ")
	start := true
	for i, w := range words {
		core := strings.TrimRightFunc(strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }), func(r rune) bool { return !unicode.IsLetter(r) })
		switch strings.ToLower(core) {
		case "he", "she":
			out := youPronouns(strings.Join(words[i:], " "))
			if core != strings.ToLower(core) {
				out = "Y" + out[1:]
			}
			return strings.Join(words[:i], " ") + spaceIf(i) + out
		case "his", "her", "him", "himself", "herself":
			return s
		}
		if core != "" {
			base := strings.TrimSuffix(strings.TrimSuffix(core, "'s"), "’s")
			title := unicode.IsUpper([]rune(core)[0]) && strings.ToLower(core[1:]) == core[1:] && len(core) > 1
			if others[base] || (title && !start) {
				return s
			}
			start = false
		}
		if strings.ContainsAny(w, ".;:!?") && strings.TrimRight(w, ".;:!?") != w {
			start = true
		}
	}
	return s
}

func spaceIf(i int) string {
	if i > 0 {
		return " "
	}
	return ""
}

// unquote is a line of notes without the note's own quote marker: the
// notes are quoted whole, and a quote inside that quote reads broken
// (cold read 18: "> > CS: …").
func unquote(s string) string {
	if r, ok := strings.CutPrefix(s, "> "); ok {
		return r
	}
	if s == ">" {
		return ""
	}
	return s
}
