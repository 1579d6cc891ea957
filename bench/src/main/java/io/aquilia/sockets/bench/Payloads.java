package io.aquilia.sockets.bench;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The payloads of the benchmark, shared by the framework sockets and the baseline endpoints. */
public final class Payloads {

  private Payloads() {}

  /**
   * The payload of {@code echo}.
   *
   * @param seq the sender's sequence number
   * @param text some text
   */
  public record EchoIn(@NotNull @PositiveOrZero Long seq, @NotBlank @Size(max = 512) String text) {}

  /**
   * The data of {@code echo}'s acknowledgement.
   *
   * @param seq the sequence number received
   * @param text the text received
   */
  public record EchoOut(long seq, String text) {}

  /**
   * The payload of {@code publish}, published as is to its room as {@code tick}.
   *
   * @param room the room
   * @param seq the publisher's sequence number
   * @param t the publisher's clock when it sent the message (nanoseconds, for latency)
   * @param text some text
   */
  public record Tick(
      @NotBlank @Size(max = 128) String room,
      @NotNull @PositiveOrZero Long seq,
      @NotNull Long t,
      @NotBlank @Size(max = 512) String text) {}
}
