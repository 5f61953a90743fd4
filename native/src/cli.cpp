#include "cli.hpp"
namespace cplay {
int cli_main(int, char**) { return 0; }
}
