package skills

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// The files of a coaching repository, relative to its root.
const (
	MatrixFile = "matrix.toml"
	SkillsDir  = "skills"
)

// ErrNotRepo means no coaching repository was found.
var ErrNotRepo = errors.New("not in a coaching repository")

// ErrUnknownPerson means a person id has no skill file.
var ErrUnknownPerson = errors.New("unknown person")

// UnknownPersonError names the id that was asked for and the closest ids that
// exist. It matches [ErrUnknownPerson] with errors.Is.
type UnknownPersonError struct {
	ID      string
	Closest []string
	// RenamedOn is set when the file was renamed to Closest[0] on that day.
	RenamedOn time.Time
}

func (e *UnknownPersonError) Error() string {
	if !e.RenamedOn.IsZero() && len(e.Closest) == 1 {
		return fmt.Sprintf("skills/%s.toml was renamed to skills/%s.toml on %s; use %s",
			e.ID, e.Closest[0], e.RenamedOn.Format(time.DateOnly), e.Closest[0])
	}
	msg := fmt.Sprintf("no skill file skills/%s.toml", e.ID)
	if len(e.Closest) > 0 {
		msg += "; did you mean " + strings.Join(e.Closest, ", ") + "?"
	}
	return msg
}

// Is makes errors.Is(err, ErrUnknownPerson) true.
func (e *UnknownPersonError) Is(target error) bool { return target == ErrUnknownPerson }

// Repo is a coaching repository as loaded from disk.
type Repo struct {
	// Root is the repository's root directory.
	Root   string
	Config Config
	Matrix *Matrix
	// MatrixPath is "matrix.toml", or "" when the repository has none and the
	// built-in matrix is used.
	MatrixPath string
	// People are the skill files that could be decoded, ordered by id. A
	// person may still have problems; see [Repo.Valid].
	People []*Person
	// Files are every file that was read, relative to Root.
	Files []string
	// Problems are every finding in every file, sorted.
	Problems Problems
}

// FindRoot walks up from dir to the nearest directory holding coach.toml or
// .git, as git finds its repository.
func FindRoot(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		for _, marker := range []string{ConfigFile, ".git"} {
			if _, err := os.Stat(filepath.Join(d, marker)); err == nil {
				return d, nil
			}
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%w: no %s or .git in %s or any parent directory; run `coach init` to make one", ErrNotRepo, ConfigFile, abs)
		}
	}
}

// Load reads and validates the repository at root: coach.toml, matrix.toml
// (or the built-in matrix) and every skills/*.toml. Problems in the files are
// collected in Repo.Problems, never returned as the error; the error is for
// failures to read.
func Load(root string) (*Repo, error) {
	r := &Repo{Root: root, Config: DefaultConfig()}
	sources := map[string][]byte{}
	if src, ok, err := readOptional(root, ConfigFile); err != nil {
		return nil, err
	} else if ok {
		sources[ConfigFile] = src
		var ps Problems
		r.Config, ps = DecodeConfig(ConfigFile, src)
		r.Files = append(r.Files, ConfigFile)
		r.Problems = append(r.Problems, ps...)
	}

	matrixOK := true
	if src, ok, err := readOptional(root, MatrixFile); err != nil {
		return nil, err
	} else if ok {
		m, ps := DecodeMatrix(MatrixFile, src)
		r.Files = append(r.Files, MatrixFile)
		r.Problems = append(r.Problems, ps...)
		r.MatrixPath = MatrixFile
		r.Matrix = m
		matrixOK = m != nil
	} else {
		m, err := DefaultMatrix()
		if err != nil {
			return nil, err
		}
		r.Matrix = m
	}

	// The editor schema is derived from the matrix: a stale one would mark
	// valid files wrong, or wrong ones valid.
	if src, ok, err := readOptional(root, SchemaFile); err != nil {
		return nil, err
	} else if ok {
		r.Files = append(r.Files, SchemaFile)
		if matrixOK && !bytes.Equal(src, Schema(r.Matrix)) {
			r.Problems = append(r.Problems, Problem{Path: SchemaFile, Severity: Error,
				Message: "the editor schema is stale: it does not match the matrix",
				Hint:    "run `coach schema --write` and commit it"})
		}
	}

	files, err := SkillFiles(root)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f, err)
		}
		r.Files = append(r.Files, f)
		sources[f] = src
		if !matrixOK {
			// Without a matrix only the syntax and the keys can be checked.
			_, ps, _ := decodeTOML(f, src, &personFile{})
			r.Problems = append(r.Problems, ps...)
			continue
		}
		p, ps := DecodePerson(f, src, r.Matrix)
		r.Problems = append(r.Problems, ps...)
		if p != nil {
			r.People = append(r.People, p)
		}
	}
	r.Problems = append(r.Problems, checkOrg(r.Config, r.Matrix, r.People, func(p string) []byte { return sources[p] })...)
	r.Problems.Sort()
	return r, nil
}

// SkillFiles lists skills/*.toml under root, relative and sorted. A missing
// skills directory is an empty list.
func SkillFiles(root string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(root, SkillsDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s/: %w", SkillsDir, err)
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".toml") {
			out = append(out, path.Join(SkillsDir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}

func readOptional(root, name string) ([]byte, bool, error) {
	src, err := os.ReadFile(filepath.Join(root, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read %s: %w", name, err)
	}
	return src, true, nil
}

// Person returns the person with the given id, or an [*UnknownPersonError]
// naming the closest ids.
func (r *Repo) Person(id string) (*Person, error) {
	for _, p := range r.People {
		if p.ID == id {
			return p, nil
		}
	}
	if files, err := SkillFiles(r.Root); err == nil {
		for _, f := range files {
			if PersonID(f) == id {
				// The file exists but could not be decoded: its problems say why.
				return nil, &ProblemsError{r.ProblemsIn(f)}
			}
		}
	}
	ids := make([]string, len(r.People))
	for i, p := range r.People {
		ids[i] = p.ID
	}
	return nil, &UnknownPersonError{ID: id, Closest: Closest(id, ids, 3)}
}

// ProblemsIn returns the problems found in one file.
func (r *Repo) ProblemsIn(file string) Problems {
	var out Problems
	for _, p := range r.Problems {
		if p.Path == file {
			out = append(out, p)
		}
	}
	return out
}

// Valid reports whether generated output may be made for p: neither its
// file nor the matrix and settings it depends on have errors.
func (r *Repo) Valid(p *Person) error {
	var errs Problems
	for _, pr := range r.Problems {
		if pr.Severity == Error && (pr.Path == p.Path || pr.Path == r.MatrixPath || pr.Path == ConfigFile) {
			errs = append(errs, pr)
		}
	}
	if len(errs) > 0 {
		return &ProblemsError{errs}
	}
	return nil
}
