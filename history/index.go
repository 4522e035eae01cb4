package history

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path"
	"strings"

	"github.com/coach-dev/coach/internal/gitobj"
	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// stagedPaths are the files of a coaching repository that a check reads:
// the settings, the matrix, the editor schema and everything under these
// directories.
var (
	stagedFiles = []string{skills.ConfigFile, skills.MatrixFile, skills.SchemaFile, "team.md", "calibration.md"}
	stagedDirs  = []string{skills.SkillsDir + "/", "plans/", "templates/", "team/", "promotions/", "calibration/"}
)

// maxStaged is the largest staged file StagedFiles reads: over it, a
// file is over the limit of every kind of file coach reads, and is refused
// from its object's header, unread.
const maxStaged = skills.MaxGeneratedSize

// StagedFiles reads the coaching files as they are staged in the git index
// (what the next commit will hold), by their path in the coaching
// repository, so that a pre-commit hook checks what is being committed and
// not the working tree: regular files only, the settings and the files
// directly under skills/, plans/, templates/, team/, promotions/ and
// calibration/ (the generated files the hook keeps current). A file that is
// staged for deletion is absent; an unresolved merge conflict is an error
// naming it.
func StagedFiles(root string) (map[string][]byte, error) {
	w, repo, err := openAt(root)
	if err != nil {
		return nil, err
	}
	defer w.obj.Close()
	idx, err := readIndex(repo)
	if err != nil {
		return nil, fmt.Errorf("read the git index: %w", err)
	}
	prefix := path.Dir(w.skillsPath) + "/"
	if prefix == "./" {
		prefix = ""
	}
	staged := map[string][]byte{}
	for _, e := range idx.Entries {
		if !strings.HasPrefix(e.Name, prefix) {
			continue
		}
		rel := strings.TrimPrefix(e.Name, prefix)
		if !wanted(rel) || !e.Mode.IsFile() {
			continue
		}
		if e.Stage != 0 {
			return nil, fmt.Errorf("%s has an unresolved merge conflict in the index; resolve it and `git add` it", rel)
		}
		data, err := gitobj.ReadBlob(repo.Storer, e.Hash, maxStaged)
		if large := (*TooLargeError)(nil); errors.As(err, &large) {
			return nil, fmt.Errorf("the staged %s is %d bytes, over every limit of coach (the largest is %d); unstage it with `git restore --staged %s`", rel, large.Size, maxStaged, rel)
		}
		if err != nil {
			return nil, fmt.Errorf("read the staged %s (%s): %w", rel, e.Hash.String()[:7], err)
		}
		staged[rel] = data
	}
	return staged, nil
}

func wanted(rel string) bool {
	for _, f := range stagedFiles {
		if rel == f {
			return true
		}
	}
	// Peer feedback (feedback/NAME/DATE-ID.age, which plans count and check
	// must find in plain text before it is committed) and self-reviews
	// (self/PERIOD/ID.md) are one folder deeper.
	for _, d := range []string{"feedback/", "self/"} {
		if strings.HasPrefix(rel, d) && strings.Count(strings.TrimPrefix(rel, d), "/") <= 1 {
			return true
		}
	}
	for _, d := range stagedDirs {
		if strings.HasPrefix(rel, d) && !strings.Contains(strings.TrimPrefix(rel, d), "/") {
			return true
		}
	}
	return false
}

// readIndex reads the index git names in GIT_INDEX_FILE, as git does: a
// hook of `git commit -a` or `git commit FILE` sees the index being
// committed there, not .git/index. A relative path is from the current
// directory, the top of the work tree in a hook.
func readIndex(repo *git.Repository) (*index.Index, error) {
	name := os.Getenv("GIT_INDEX_FILE")
	if name == "" {
		return repo.Storer.Index()
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	idx := &index.Index{}
	if err := index.NewDecoder(bufio.NewReader(f)).Decode(idx); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return idx, nil
}
