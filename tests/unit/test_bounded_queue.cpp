// The hand-over between the thread that parses a TMX file and the one that stores its units:
// everything pushed arrives, in order; either side can end it without the other hanging.
#include "common/bounded_queue.h"

#include <gtest/gtest.h>
#include <thread>
#include <vector>

using namespace wb;

TEST(BoundedQueue, EverythingPushedArrivesInOrderThenTheEnd)
{
    BoundedQueue<int> queue(2); // far fewer places than items: the producer waits for the consumer
    std::thread producer([&] {
        for (int i = 0; i < 10000; ++i)
            ASSERT_TRUE(queue.push(i));
        queue.close();
    });
    std::vector<int> received;
    while (auto item = queue.pop())
        received.push_back(*item);
    producer.join();
    ASSERT_EQ(received.size(), 10000u);
    for (int i = 0; i < 10000; ++i)
        ASSERT_EQ(received[size_t(i)], i);
}

TEST(BoundedQueue, AConsumerThatStopsReleasesAProducerWaitingForRoom)
{
    BoundedQueue<int> queue(1);
    int refused = 0;
    std::thread producer([&] {
        for (int i = 0; i < 1000; ++i)
            if (!queue.push(i)) {
                refused = i;
                return; // gives up, as the TMX reader does
            }
    });
    ASSERT_EQ(queue.pop(), 0);
    queue.stop(); // the storing side failed
    producer.join(); // would hang if the waiting push were not woken
    EXPECT_GT(refused, 0);
    EXPECT_FALSE(queue.pop().has_value());
}
