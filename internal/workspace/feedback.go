package workspace

// What the repository says of peer feedback without opening it: the dates
// in the names of feedback/NAME/DATE-ID.age, which plans count, and the
// requests of feedback/requests.toml, which agendas show. The feedback
// itself is read by package feedback, with a recipient's key.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/coach-dev/coach/skills"
)

const (
	// FeedbackDir holds a folder of encrypted feedback per person.
	FeedbackDir = "feedback"
	// RequestsFile lists who was asked for feedback about whom.
	RequestsFile = "feedback/requests.toml"
	// MaxRequests bounds the requests file: a team asks for thousands of
	// pieces of feedback a year at most.
	MaxRequests = 10000
	// RequestDays is how long a request stays on the agendas of the asked.
	RequestDays = 14
)

// FeedbackName is the name of one piece of feedback: its date, then a
// random id that says nothing of its author.
var FeedbackName = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-([a-z0-9]{8})\.age$`)

// FeedbackFile is one piece of feedback, as its name shows it.
type FeedbackFile struct {
	Person string // whom it is about: its folder's name
	Path   string // relative to the root, with slashes
	Date   string // YYYY-MM-DD
}

// FeedbackFiles lists the feedback about each person, oldest first, by
// the names under feedback/: a name that is not DATE-ID.age is not
// counted (coach check says so). No feedback folder is no feedback.
func FeedbackFiles(root string) (map[string][]FeedbackFile, error) {
	people, err := os.ReadDir(filepath.Join(root, FeedbackDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s/: %w", FeedbackDir, err)
	}
	out := map[string][]FeedbackFile{}
	for _, d := range people {
		if !d.IsDir() || !skills.ValidID(d.Name()) {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(root, FeedbackDir, d.Name()))
		if err != nil {
			return nil, fmt.Errorf("read %s/%s/: %w", FeedbackDir, d.Name(), err)
		}
		for _, e := range entries {
			m := FeedbackName.FindStringSubmatch(e.Name())
			if m == nil || !e.Type().IsRegular() {
				continue
			}
			if _, err := time.Parse(time.DateOnly, m[1]); err != nil {
				continue
			}
			out[d.Name()] = append(out[d.Name()], FeedbackFile{Person: d.Name(),
				Path: FeedbackDir + "/" + d.Name() + "/" + e.Name(), Date: m[1]})
		}
		sort.Slice(out[d.Name()], func(i, j int) bool { return out[d.Name()][i].Path < out[d.Name()][j].Path })
	}
	return out, nil
}

// FeedbackDates are the dates of the feedback about each person, oldest
// first: what a plan counts.
func FeedbackDates(root string) (map[string][]string, error) {
	all, err := FeedbackFiles(root)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for id, fs := range all {
		for _, f := range fs {
			out[id] = append(out[id], f.Date)
		}
	}
	return out, nil
}

// Request is one person asked for feedback about another.
type Request struct {
	About string    `toml:"about"`
	From  string    `toml:"from"`
	Date  time.Time `toml:"date"`
}

type requestsFile struct {
	Requests []Request `toml:"request"`
}

// Requests reads feedback/requests.toml: none when there is none, and an
// error naming the file, line and fix when it cannot be read.
func Requests(root string) ([]Request, error) {
	src, p, err := skills.ReadFile(root, RequestsFile, skills.MaxAgendaSize, "the feedback requests")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if p != nil {
		return nil, &skills.ProblemsError{Problems: skills.Problems{*p}}
	}
	var f requestsFile
	md, err := toml.Decode(string(src), &f)
	bad := func(line int, msg string) error {
		return &skills.ProblemsError{Problems: skills.Problems{{Path: RequestsFile, Line: line, Col: 1, Severity: skills.Error,
			Message: msg, Hint: `each request is [[request]] with about = "PERSON", from = "PERSON" and date = YYYY-MM-DD; or remove the file and ask again`}}}
	}
	var perr toml.ParseError
	if errors.As(err, &perr) {
		return nil, bad(perr.Position.Line, "not valid TOML: "+perr.Message)
	}
	if err != nil {
		return nil, bad(1, err.Error())
	}
	if u := md.Undecoded(); len(u) > 0 {
		return nil, bad(1, fmt.Sprintf("unknown key %s", u[0]))
	}
	if len(f.Requests) > MaxRequests {
		return nil, bad(1, fmt.Sprintf("%d requests, more than the %d allowed; remove the old ones", len(f.Requests), MaxRequests))
	}
	for i, r := range f.Requests {
		if !skills.ValidID(r.About) || !skills.ValidID(r.From) || r.Date.IsZero() {
			return nil, bad(1, fmt.Sprintf("request %d needs about and from (person ids) and a date", i+1))
		}
	}
	return f.Requests, nil
}

// RequestsText is the requests file holding rs, in order.
func RequestsText(rs []Request) []byte {
	var b strings.Builder
	b.WriteString("# Who was asked for feedback about whom, written by coach feedback --request.\n")
	b.WriteString("# A request is on the agendas of the person asked for two weeks from its date.\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "\n[[request]]\nabout = %q\nfrom = %q\ndate = %s\n", r.About, r.From, r.Date.Format(time.DateOnly))
	}
	return []byte(b.String())
}

// AskedOf are the requests for feedback that from's agenda of the 1:1 on
// day shows: made on or before it, and less than RequestDays before.
func AskedOf(rs []Request, from string, day time.Time) []Request {
	var out []Request
	for _, r := range rs {
		if r.From == from && !r.Date.After(day) && day.Sub(r.Date) < RequestDays*24*time.Hour {
			out = append(out, r)
		}
	}
	return out
}
