"""`python -m pipeline` is the press-extract command."""

from .cli import main

raise SystemExit(main())
