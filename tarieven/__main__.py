import sys

from tarieven.cli import main

sys.exit(main())
