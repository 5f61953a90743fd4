#pragma once
// The MPI job as cplay's ranks see it: initialised once, finalised once, and the few collective
// moves of text the demos need. Errors make MPI abort the job (its default handler), which ends
// every rank: nothing is left waiting for a message that will never come.
#include <cstdint>
#include <string>
#include <vector>

namespace cplay::mpi {

class World {
 public:
  World(int& argc, char**& argv);  // MPI_Init_thread, FUNNELED: only the main thread calls MPI
  ~World();                        // MPI_Finalize
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool root() const { return rank_ == 0; }
  const std::string& host() const { return host_; }
  std::string library() const;  // "Open MPI v4.1.4, ..." up to the first comma

  // Rank 0's `text` on every rank.
  std::string broadcast(const std::string& text) const;
  // Every rank's `text` on rank 0, in rank order (empty elsewhere).
  std::vector<std::string> gather(const std::string& text) const;
  void barrier() const;

 private:
  int rank_ = 0;
  int size_ = 1;
  std::string host_;
};

}  // namespace cplay::mpi
