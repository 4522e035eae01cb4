package gitobj

import (
	"sort"
	"strings"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// maxRefNames bounds RefNames: a repository with more branches and tags
// than this lists the first ones, in order, rather than all.
const maxRefNames = 10000

// RefNames lists the short names of the branches, tags and remote-tracking
// branches of the repository holding dir ("main", "v1.0", "origin/main"),
// sorted and without duplicates, for the shell to complete a revision. Only
// the references are read, not the objects. The names are as git stores
// them, which a repository's author chooses: callers that hand them to a
// shell must check them first.
func RefNames(dir string) ([]string, error) {
	loc, err := findGit(dir)
	if err != nil {
		return nil, err
	}
	var fs billy.Filesystem = osfs.New(loc.commonDir)
	if loc.headDir != loc.commonDir {
		fs = dotgit.NewRepositoryFilesystem(osfs.New(loc.headDir), fs)
	}
	st := filesystem.NewStorage(fs, cache.NewObjectLRU(cache.KiByte))
	iter, err := st.IterReferences()
	if err != nil {
		return nil, err
	}
	defer iter.Close()
	seen := map[string]bool{}
	var names []string
	err = iter.ForEach(func(r *plumbing.Reference) error {
		full := r.Name().String()
		var short string
		for _, prefix := range []string{"refs/heads/", "refs/tags/", "refs/remotes/"} {
			if s, ok := strings.CutPrefix(full, prefix); ok {
				short = s
				break
			}
		}
		if short == "" || strings.HasSuffix(short, "/HEAD") || seen[short] || len(names) >= maxRefNames {
			return nil
		}
		seen[short] = true
		names = append(names, short)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}
