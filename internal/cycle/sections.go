package cycle

// A review holds two kinds of text: what coach writes from the skill file
// and its history, and what the manager writes in the sections marked for
// them. Regenerating a review rewrites the first and keeps the second. The
// marker line carries a digest of the first as coach wrote it, so that an
// edit outside the sections is told from a change in the data, and is never
// lost without --force.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
)

// SectionOpen and SectionClose mark a manager's section:
//
//	<!-- coach:manager summary -->
//	what the manager writes
//	<!-- /coach:manager -->
const (
	sectionOpenPrefix = "<!-- coach:manager "
	SectionClose      = "<!-- /coach:manager -->"
)

var sectionOpen = regexp.MustCompile(`^<!-- coach:manager ([a-z][a-z0-9-]*) -->$`)

// SectionOpen is the line that opens the manager's section name.
func SectionOpen(name string) string { return sectionOpenPrefix + name + " -->" }

// SectionError is a review whose manager's sections coach cannot read.
type SectionError struct {
	Line     int
	Msg, Fix string
}

func (e *SectionError) Error() string { return fmt.Sprintf("line %d: %s; %s", e.Line, e.Msg, e.Fix) }

// parsed is a review split into what coach wrote (skeleton: every section
// emptied, the marker line left out) and what the manager wrote, by
// section name in the file's order.
type parsed struct {
	marker   string
	skeleton []byte
	names    []string
	sections map[string]string
}

func parseReview(src []byte) (*parsed, error) {
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	p := &parsed{marker: lines[0], sections: map[string]string{}}
	var skel strings.Builder
	open, openLine := "", 0
	var body []string
	for i, line := range lines[1:] {
		n := i + 2
		trimmed := strings.TrimRight(line, " \t")
		if m := sectionOpen.FindStringSubmatch(trimmed); m != nil {
			if open != "" {
				return nil, &SectionError{n, fmt.Sprintf("the section %q opened on line %d is not closed before another opens", open, openLine), "add a line " + SectionClose + " before this one"}
			}
			if _, dup := p.sections[m[1]]; dup {
				return nil, &SectionError{n, fmt.Sprintf("the section %q appears twice", m[1]), "keep one of them"}
			}
			open, openLine, body = m[1], n, nil
			skel.WriteString(trimmed + "\n")
			continue
		}
		if trimmed == SectionClose {
			if open == "" {
				return nil, &SectionError{n, "a section closes here that was never opened", "delete this line"}
			}
			p.sections[open] = strings.Join(body, "\n")
			p.names = append(p.names, open)
			open = ""
			skel.WriteString(trimmed + "\n")
			continue
		}
		if strings.HasPrefix(trimmed, sectionOpenPrefix) {
			return nil, &SectionError{n, "this mark is not one coach reads", "a section opens with a line like " + SectionOpen("summary")}
		}
		if open != "" {
			body = append(body, line)
			continue
		}
		skel.WriteString(line + "\n")
	}
	if open != "" {
		return nil, &SectionError{openLine, fmt.Sprintf("the section %q is never closed", open), "add a line " + SectionClose + " after its text"}
	}
	p.skeleton = []byte(strings.TrimSuffix(skel.String(), "\n"))
	return p, nil
}

func digest(skeleton []byte) string {
	sum := sha256.Sum256(skeleton)
	return hex.EncodeToString(sum[:6])
}

var markerDigest = regexp.MustCompile(` digest:([0-9a-f]{12}) -->$`)

// A draft is a manager's section that coach wrote: its first line ends
// with the draft's mark, which carries the digest of the lines after it.
// While they are unchanged the draft is coach's, replaced by the next one;
// once edited (or the mark deleted) it is the manager's, and kept.
var draftLine = regexp.MustCompile(`<!-- coach:draft(?: ([0-9a-f]{12}))? -->$`)

// sealDrafts writes, into each section of body that opens with a draft's
// mark, the digest of the draft's text.
func sealDrafts(body []byte) []byte {
	lines := strings.Split(string(body), "\n")
	for i := 0; i < len(lines); i++ {
		if sectionOpen.MatchString(strings.TrimRight(lines[i], " \t")) && i+1 < len(lines) && strings.HasSuffix(lines[i+1], draftMark) {
			end := i + 2
			for end < len(lines) && strings.TrimRight(lines[end], " \t") != SectionClose {
				end++
			}
			sum := digest([]byte(strings.Join(lines[i+2:end], "\n")))
			lines[i+1] = strings.TrimSuffix(lines[i+1], draftMark) + "<!-- coach:draft " + sum + " -->"
			i = end
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

// unedited reports whether a section's text is a draft nobody edited.
func unedited(text string) bool {
	first, rest, _ := strings.Cut(text, "\n")
	m := draftLine.FindStringSubmatch(strings.TrimRight(first, " \t"))
	return m != nil && m[1] == digest([]byte(rest))
}

// Stamp finishes a review that coach rendered, body (marker line left
// out), with its marker line for the skill file at source and the period,
// and seals its drafts.
func Stamp(body []byte, source, period string) ([]byte, error) {
	body = sealDrafts(body)
	p, err := parseReview(append([]byte("\n"), body...))
	if err != nil {
		return nil, fmt.Errorf("the review template: %w", err)
	}
	return append([]byte(ReviewMarker(source, period, digest(p.skeleton))+"\n"), body...), nil
}

// IsReview reports whether src starts with the marker line of a review coach
// wrote.
func IsReview(src []byte) bool { return bytes.HasPrefix(src, []byte(reviewMarkerPrefix)) }

// Kept is what Merge did with what the manager wrote.
type Kept struct {
	// Sections are the sections with text kept; Dropped those whose text
	// was lost (only with force: the new review has no such section).
	Sections, Dropped []string
}

// Outcome is what Merge found in a written review.
type Outcome int

// The outcomes of Merge.
const (
	Merged     Outcome = iota // fresh, with the manager's sections of old
	NotCoach                  // old does not start with a review's marker line
	HandEdited                // old was edited outside its sections; with force, merged anyway
	Orphaned                  // old has written text in a section fresh does not have
)

// Merge carries what the manager wrote in old, a written review, into
// fresh, the review coach writes now (from Stamp): it returns the review to
// write. Without force it refuses (a nil result) a file edited by hand
// outside its sections, and one whose written section fresh no longer has;
// it never replaces a file coach did not write. A section fresh has twice
// or an unreadable section in old is an error naming its line.
func Merge(old, fresh []byte, force bool) ([]byte, Outcome, Kept, error) {
	var kept Kept
	if !IsReview(old) {
		return nil, NotCoach, kept, nil
	}
	o, err := parseReview(old)
	if err != nil {
		return nil, Merged, kept, err
	}
	f, err := parseReview(fresh)
	if err != nil {
		return nil, Merged, kept, err
	}
	m := markerDigest.FindStringSubmatch(o.marker)
	edited := m == nil || m[1] != digest(o.skeleton)
	if edited && !force {
		return nil, HandEdited, kept, nil
	}
	written := func(name string) bool {
		text, ok := o.sections[name]
		return ok && strings.TrimSpace(text) != "" && !unedited(text)
	}
	for _, name := range o.names {
		if !written(name) {
			continue
		}
		if _, ok := f.sections[name]; !ok {
			if !force {
				return nil, Orphaned, Kept{Dropped: []string{name}}, nil
			}
			kept.Dropped = append(kept.Dropped, name)
			continue
		}
		kept.Sections = append(kept.Sections, name)
	}
	lines := strings.Split(strings.ReplaceAll(string(fresh), "\r\n", "\n"), "\n")
	var out []string
	skip := false // inside a section whose written text replaces fresh's draft
	for _, line := range lines {
		trimmed := strings.TrimRight(line, " \t")
		if skip && trimmed != SectionClose {
			continue
		}
		skip = false
		out = append(out, line)
		if mm := sectionOpen.FindStringSubmatch(trimmed); mm != nil && written(mm[1]) {
			out = append(out, o.sections[mm[1]])
			skip = true
		}
	}
	return []byte(strings.Join(out, "\n")), Merged, kept, nil
}
